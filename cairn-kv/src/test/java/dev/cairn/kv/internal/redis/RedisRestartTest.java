package dev.cairn.kv.internal.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.UnavailableException;
import dev.cairn.kv.KeyValue;
import dev.cairn.kv.KeyValueOptions;
import dev.cairn.kv.Message;
import dev.cairn.kv.Subscription;
import dev.cairn.testkit.kv.PrivateRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A private Redis is stopped and started again under load: during the gap calls fail, only with
 * {@link UnavailableException}; afterwards the same store (reconnected by itself) serves calls again, and a
 * subscription made before the restart receives messages again.
 */
class RedisRestartTest {
  @RegisterExtension static final PrivateRedis REDIS = PrivateRedis.plain();
  private static final long PHASE_TIMEOUT_SECONDS = 30;

  @Test
  void calls_serverRestartedMidLoad_failOnlyUnavailableThenRecover() throws Exception {
    KeyValueOptions options = KeyValueOptions.defaults().withCommandTimeout(Duration.ofSeconds(1));
    try (KeyValue store = KeyValue.open("redis://127.0.0.1:" + REDIS.port(), options)) {
      KeyValue kv = store.withPrefix("restart:");
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicLong successes = new AtomicLong();
      AtomicLong unavailable = new AtomicLong();
      Queue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        String key = "k" + t;
        workers.add(Thread.ofVirtual().start(() -> {
          while (running.get()) {
            try {
              kv.set(key, "v");
              kv.incr(key + ":n");
              successes.incrementAndGet();
            } catch (UnavailableException e) {
              unavailable.incrementAndGet();
            } catch (Throwable e) {
              unexpected.add(e);
            }
          }
        }));
      }
      try {
        awaitTrue(() -> successes.get() > 100, "load to run before the restart");

        REDIS.stopServer();
        awaitTrue(() -> unavailable.get() > 0, "calls to fail while the server is down");
        REDIS.start();
        long afterRestart = successes.get();
        awaitTrue(() -> successes.get() > afterRestart + 100, "calls to succeed again after the restart");
      } finally {
        running.set(false);
        for (Thread worker : workers) {
          worker.join();
        }
      }

      assertThat(unexpected).as("exceptions other than UnavailableException").isEmpty();
      assertThat(unavailable.get()).isPositive();
      assertThat(kv.incr("after")).isEqualTo(1);
    }
  }

  @Test
  void subscription_serverRestarted_receivesAgainAfterReconnect() throws Exception {
    KeyValueOptions options = KeyValueOptions.defaults().withCommandTimeout(Duration.ofSeconds(1));
    try (KeyValue store = KeyValue.open("redis://127.0.0.1:" + REDIS.port(), options)) {
      BlockingQueue<Message> received = new LinkedBlockingQueue<>();
      try (Subscription subscription = store.subscribe(received::add, "restart-channel")) {
        REDIS.stopServer();
        REDIS.start();

        // Lettuce resubscribes once it has reconnected; until then publishing fails or reaches nobody
        awaitTrue(() -> {
          try {
            return store.publish("restart-channel", "after") > 0;
          } catch (UnavailableException e) {
            return false;
          }
        }, "the subscription to be restored");
        assertThat(received.poll(PHASE_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isNotNull()
            .satisfies(message -> assertThat(message.text()).isEqualTo("after"));
        assertThat(subscription.isOpen()).isTrue();
      }
    }
  }

  private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PHASE_TIMEOUT_SECONDS);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + PHASE_TIMEOUT_SECONDS + " s for " + what);
      }
      Thread.sleep(10);
    }
  }
}
