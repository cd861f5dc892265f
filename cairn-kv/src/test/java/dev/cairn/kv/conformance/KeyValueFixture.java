package dev.cairn.kv.conformance;

import dev.cairn.kv.KeyValue;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

/**
 * What the parts of {@link KeyValueConformance} (the key-value ones and the coordination ones alike) need from the
 * running suite: the test's view, the store, a way to let time pass, and per-test resources that are closed after
 * the test.
 */
public interface KeyValueFixture {

  /** The view the current test works in; its keys are deleted after the test. */
  KeyValue kv();

  /** The store under test, without the test's prefix. */
  KeyValue store();

  /** Lets at least {@code amount} pass for the store: advance a manual clock, or wait for a server. */
  void passTime(Duration amount);

  /**
   * Closes {@code resource} after the current test, before its keys are deleted; the last one registered is closed
   * first.
   *
   * @return {@code resource}
   */
  <T extends AutoCloseable> T closeAfterTest(T resource);

  /** Virtual threads for the current test; those still running are interrupted after it. */
  ExecutorService threads();
}
