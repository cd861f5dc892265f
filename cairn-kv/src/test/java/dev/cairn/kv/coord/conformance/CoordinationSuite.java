package dev.cairn.kv.coord.conformance;

import dev.cairn.kv.KeyValue;
import dev.cairn.kv.KeyValueOptions;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;

/**
 * The lifecycle shared by the coordination conformance suites: one store per class, and per test a view with a
 * prefix of its own under {@link #keyPrefix()}, deleted afterwards, so a shared Redis is never flushed. A backend
 * supplies its URL, prefix and how time passes: a memory store moves a {@link dev.cairn.core.ManualClock}, a server
 * sleeps.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CoordinationSuite {
  private KeyValue store;
  /** The view the current test works in. */
  protected KeyValue kv;

  /** The URL of the store under test (password included where needed). */
  protected abstract String url();

  /** A prefix no other test class uses on the same server. */
  protected abstract String keyPrefix();

  /** Lets at least {@code amount} pass for the store: advance a manual clock, or sleep for a server. */
  protected abstract void passTime(Duration amount);

  /** Options the store is opened with; memory suites pass a {@link dev.cairn.core.ManualClock}. */
  protected KeyValueOptions options() {
    return KeyValueOptions.defaults();
  }

  /** The store under test, without the test's prefix. */
  protected KeyValue store() {
    return store;
  }

  /** Sleeps; for servers, whose clock cannot be moved. */
  protected static void sleep(Duration amount) {
    try {
      Thread.sleep(amount);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while letting time pass", e);
    }
  }

  @BeforeAll
  void openStore() {
    store = KeyValue.open(url(), options());
  }

  @AfterAll
  void closeStore() {
    if (store != null) {
      store.withPrefix(keyPrefix()).deletePrefix("");
      store.close();
    }
  }

  @BeforeEach
  void openView(TestInfo test) {
    kv = store.withPrefix(keyPrefix() + test.getTestMethod().orElseThrow().getName() + ":");
  }

  @AfterEach
  void cleanView() {
    kv.deletePrefix("");
  }
}
