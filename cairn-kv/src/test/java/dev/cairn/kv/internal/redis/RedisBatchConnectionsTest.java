package dev.cairn.kv.internal.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.UnavailableException;
import dev.cairn.kv.Batch;
import dev.cairn.kv.KeyValue;
import dev.cairn.kv.KeyValueOptions;
import dev.cairn.kv.OutcomeUnknownException;
import dev.cairn.testkit.kv.PrivateRedis;
import io.lettuce.core.KillArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Batches on their own connections ({@link PipelineConnections}) against a private, password-protected Redis,
 * in database 2: the handshake, the connection bound, and every way such a connection breaks. An administrator's
 * Lettuce connection looks at the server from outside ({@code CLIENT LIST}, {@code CLIENT KILL}, database 2).
 */
class RedisBatchConnectionsTest {
  private static final String PASSWORD = "s3cret-batch";
  @RegisterExtension static final PrivateRedis REDIS = PrivateRedis.plain("--requirepass", PASSWORD);

  private static RedisAdmin admin;

  @BeforeAll
  static void connectAdmin() {
    admin = new RedisAdmin(REDIS.port(), PASSWORD);
  }

  @AfterAll
  static void closeAdmin() {
    admin.close();
  }

  private static RedisCommands<String, String> admin() {
    return admin.commands();
  }

  private static String url() {
    return "redis://:" + PASSWORD + "@127.0.0.1:" + REDIS.port() + "/2";
  }

  private static long batchClients() {
    return admin.clientsNamed(PipelineConnection.NAME).size();
  }

  @Test
  void batch_passwordAndDatabase_authenticatesSelectsAndNamesItsConnection() {
    try (KeyValue kv = KeyValue.open(url())) {
      List<Batch.Reply<Boolean>> sets = new ArrayList<>();
      kv.batch(batch -> {
        sets.add(batch.set("auth:a", "1"));
        sets.add(batch.set("auth:b", "2", dev.cairn.kv.SetOptions.ifAbsent()));
      });
      assertThat(sets).extracting(Batch.Reply::get).containsExactly(true, true);
      assertThat(admin().get("auth:a")).as("written to database 2").isEqualTo("1");
      assertThat(admin().get("auth:b")).isEqualTo("2");
      assertThat(batchClients()).isEqualTo(1);
    }
    assertThat(batchClients()).as("closed with the store").isZero();
  }

  @Test
  void batch_manyConcurrentCallers_neverMoreConnectionsThanConfigured() throws Exception {
    KeyValueOptions options = KeyValueOptions.defaults().withBatchConnections(3);
    try (KeyValue kv = KeyValue.open(url(), options)) {
      ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
      AtomicInteger mostSeen = new AtomicInteger();
      List<Thread> callers = new ArrayList<>();
      for (int t = 0; t < 20; t++) {
        String key = "bound:" + t;
        callers.add(Thread.ofVirtual().start(() -> {
          try {
            for (int i = 0; i < 100; i++) {
              kv.batch(batch -> {
                batch.incrBy(key, 1);
                batch.incrBy(key, 1);
              });
            }
          } catch (Throwable e) {
            failures.add(e);
          }
        }));
      }
      while (callers.stream().anyMatch(Thread::isAlive)) {
        mostSeen.accumulateAndGet((int) batchClients(), Math::max);
        Thread.sleep(5);
      }
      assertThat(failures).isEmpty();
      for (int t = 0; t < 20; t++) {
        assertThat(kv.get("bound:" + t)).hasValue("200");
      }
      assertThat(mostSeen.get()).isBetween(1, 3);
      assertThat(batchClients()).isBetween(1L, 3L);
    }
  }

  @Test
  void batch_noBatchConnections_runsOnTheSharedConnection() {
    try (KeyValue kv = KeyValue.open(url(), KeyValueOptions.defaults().withBatchConnections(0))) {
      List<Batch.Reply<Long>> replies = new ArrayList<>();
      kv.batch(batch -> replies.add(batch.incrBy("shared:n", 5)));
      assertThat(replies.getFirst().get()).isEqualTo(5);
      assertThat(batchClients()).isZero();
    }
    try (KeyValue kv = KeyValue.open(url() + "?batch_connections=0")) {
      kv.batch(batch -> batch.incrBy("shared:n", 5));
      assertThat(batchClients()).isZero();
      assertThat(kv.get("shared:n")).hasValue("10");
    }
  }

  @Test
  void batch_idleConnectionKilledByServer_nextBatchRunsOnAFreshOne() {
    try (KeyValue kv = KeyValue.open(url())) {
      kv.batch(batch -> batch.set("killed:a", "1"));
      admin.clientsNamed(PipelineConnection.NAME).stream()
          .map(line -> line.substring(line.indexOf("id=") + 3, line.indexOf(' ')))
          .forEach(id -> admin().clientKill(KillArgs.Builder.id(Long.parseLong(id))));

      // without the check for a connection the server closed, this batch would be written to a dead socket
      // and fail as of unknown outcome although Redis is up
      List<Batch.Reply<Boolean>> sets = new ArrayList<>();
      kv.batch(batch -> sets.add(batch.set("killed:b", "2")));
      assertThat(sets.getFirst().get()).isTrue();
      assertThat(admin().get("killed:b")).isEqualTo("2");
    }
  }

  @Test
  void batch_serverRestartedAndDown_neverSentWhileDownThenServedAgain() throws Exception {
    try (KeyValue kv = KeyValue.open(url(), KeyValueOptions.defaults().withCommandTimeout(Duration.ofSeconds(1)))) {
      kv.batch(batch -> batch.set("restart:a", "1"));

      REDIS.stopServer();
      try {
        assertThatThrownBy(() -> kv.batch(batch -> batch.set("restart:b", "2")))
            .isInstanceOf(UnavailableException.class)
            .isNotInstanceOf(OutcomeUnknownException.class)
            .hasMessageContaining("not sent")
            .hasMessageNotContaining(PASSWORD)
            .extracting(e -> ((UnavailableException) e).code()).isEqualTo("KV_UNAVAILABLE");
      } finally {
        REDIS.start();
      }

      List<Batch.Reply<Optional<String>>> gets = new ArrayList<>();
      kv.batch(batch -> {
        batch.set("restart:c", "3");
        gets.add(batch.get("restart:c"));
        gets.add(batch.get("restart:b"));
      });
      assertThat(gets).extracting(Batch.Reply::get).containsExactly(Optional.of("3"), Optional.empty());
    }
  }

  @Test
  void batch_serverPausedPastTheTimeout_outcomeUnknownThenServedAgain() throws Exception {
    try (KeyValue kv = KeyValue.open(url(), KeyValueOptions.defaults().withCommandTimeout(Duration.ofMillis(300)))) {
      kv.batch(batch -> batch.set("paused:a", "1"));
      admin().clientPause(1_500);

      assertThatThrownBy(() -> kv.batch(batch -> batch.incrBy("paused:n", 1)))
          .isInstanceOf(OutcomeUnknownException.class)
          .extracting(e -> ((OutcomeUnknownException) e).code()).isEqualTo("KV_TIMEOUT");

      Thread.sleep(1_600);
      List<Batch.Reply<Long>> replies = new ArrayList<>();
      kv.batch(batch -> replies.add(batch.incrBy("paused:n", 1)));
      // the timed-out increment's connection was closed while Redis held it: applied once or not at all
      assertThat(replies.getFirst().get()).isBetween(1L, 2L);
    }
  }
}
