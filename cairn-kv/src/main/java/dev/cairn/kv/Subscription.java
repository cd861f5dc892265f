package dev.cairn.kv;

/**
 * An open pub/sub subscription; closing it unsubscribes and releases its connection or thread. Thread-safe;
 * {@link #close()} is idempotent and does not throw.
 */
public interface Subscription extends AutoCloseable {

  /** Whether {@link #close()} has not been called yet. */
  boolean isOpen();

  @Override
  void close();
}
