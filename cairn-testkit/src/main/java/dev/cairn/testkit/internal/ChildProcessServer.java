package dev.cairn.testkit.internal;

import dev.cairn.core.StoreUrl;
import java.util.concurrent.TimeUnit;

/** A private server that is one child process of this JVM; stopping sends SIGTERM and waits for the exit. */
record ChildProcessServer(StoreUrl url, Process process) implements PrivateServer {
  private static final long STOP_TIMEOUT_SECONDS = 20;

  @Override
  public void stop() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        System.err.println("cairn-testkit: server at " + url + " ignored SIGTERM; killing it");
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
