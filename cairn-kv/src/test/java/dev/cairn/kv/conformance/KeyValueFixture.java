package dev.cairn.kv.conformance;

import dev.cairn.kv.KeyValue;
import java.time.Duration;

/** What the parts of {@link KeyValueConformance} need from the running suite. */
public interface KeyValueFixture {

  /** The view the current test works in; its keys are deleted after the test. */
  KeyValue kv();

  /** The store under test, without the test's prefix. */
  KeyValue store();

  /** Lets at least {@code amount} pass for the store: advance a manual clock, or wait for a server. */
  void passTime(Duration amount);
}
