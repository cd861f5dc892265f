package dev.cairn.bench.http;

import java.net.URI;

/**
 * A started admin API for {@link HttpBench} to load; the caller (the {@code cairn} CLI) starts it, because the
 * server lives in a module that depends on this one. {@link #close()} stops it.
 */
public interface HttpTarget extends AutoCloseable {
  /** Where the API answers, e.g. {@code http://127.0.0.1:41234}. */
  URI baseUrl();

  @Override
  void close();
}
