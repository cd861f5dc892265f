package dev.cairn.testkit.coord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.UnavailableException;
import dev.cairn.kv.KeyValue;
import dev.cairn.kv.KeyValueOptions;
import dev.cairn.kv.coord.Lock;
import dev.cairn.kv.coord.Locks;
import dev.cairn.testkit.kv.PrivateRedis;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fencing tokens never go backwards, not even across a restart of a Redis without persistence, which forgets the
 * fencing counter with every other key.
 */
class FencingTokenRestartTest {
  @RegisterExtension static final PrivateRedis REDIS = PrivateRedis.plain();
  private static final long RECONNECT_TIMEOUT_SECONDS = 30;

  @Test
  void acquire_afterRestartWithoutPersistence_fencingTokenGreaterThanBefore() throws Exception {
    KeyValueOptions options = KeyValueOptions.defaults().withCommandTimeout(Duration.ofSeconds(2));
    try (KeyValue kv = KeyValue.open(REDIS.url(), options); Locks locks = Locks.on(kv)) {
      long highest = 0;
      for (int i = 0; i < 3; i++) {
        try (Lock lock = locks.acquire("job", Duration.ofMinutes(1), Duration.ZERO)) {
          highest = Math.max(highest, lock.fencingToken());
        }
      }

      REDIS.stopServer();
      REDIS.start();

      try (Lock lock = acquireOnceReconnected(locks)) {
        assertThat(lock.fencingToken()).as("token after the restart").isGreaterThan(highest);
      }
    }
  }

  private static Lock acquireOnceReconnected(Locks locks) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RECONNECT_TIMEOUT_SECONDS);
    while (true) {
      try {
        return locks.acquire("job", Duration.ofMinutes(1), Duration.ZERO);
      } catch (UnavailableException e) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("not reconnected within " + RECONNECT_TIMEOUT_SECONDS + " s", e);
        }
        Thread.sleep(20);
      }
    }
  }
}
