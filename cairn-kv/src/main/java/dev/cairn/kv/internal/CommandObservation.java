package dev.cairn.kv.internal;

import dev.cairn.core.CairnException;
import dev.cairn.kv.KeyValue;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Times the commands of one store (and of all its prefixed views, which share this) for a {@link CommandListener}.
 * A store without a listener pays one volatile read per command; the clock is read only when one is set.
 */
public final class CommandObservation {
  private volatile CommandListener listener;

  /** Sets the listener of the commands of the store behind {@code store}, all its views included. */
  public static void listen(KeyValue store, CommandListener listener) {
    if (!(store instanceof PrefixedKeyValue view)) {
      throw new IllegalArgumentException("not a store opened by KeyValue.open: " + store);
    }
    view.observation().listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Whether no listener is set: then the hot commands (GET, SET) call their backend directly, without the
   * {@link Supplier} that {@link #observed} takes. That lambda is scalar-replaced only while {@code observed} is
   * inlined with a call site the JIT sees few lambdas at; once a process has run many commands through it (as
   * {@code cairn bench kv} does before the memory phases) it is a real allocation of 24-32 bytes per command.
   */
  boolean unobserved() {
    return listener == null;
  }

  <T> T observed(String command, Supplier<T> call) {
    CommandListener current = listener;
    if (current == null) {
      return call.get();
    }
    long start = System.nanoTime();
    T result;
    try {
      result = call.get();
    } catch (RuntimeException | Error e) {
      current.completed(command, code(e), System.nanoTime() - start);
      throw e;
    }
    current.completed(command, null, System.nanoTime() - start);
    return result;
  }

  void run(String command, Runnable call) {
    observed(command, () -> {
      call.run();
      return null;
    });
  }

  private static String code(Throwable e) {
    return e instanceof CairnException cairn && cairn.code() != null ? cairn.code() : e.getClass().getSimpleName();
  }
}
