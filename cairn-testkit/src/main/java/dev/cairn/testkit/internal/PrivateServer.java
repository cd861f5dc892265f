package dev.cairn.testkit.internal;

import dev.cairn.core.StoreUrl;

/** A server this JVM started; stopped by {@link #stop()} (the resolver also registers a shutdown hook). */
public interface PrivateServer {

  /** Admin URL of the running server. */
  StoreUrl url();

  /** Stops the server; idempotent; never throws (a failure to stop is reported on stderr, not hidden). */
  void stop();
}
