package dev.cairn.kv.internal.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.CairnException;
import dev.cairn.core.StoreUrl;
import dev.cairn.core.UnavailableException;
import dev.cairn.kv.KeyValue;
import dev.cairn.kv.KeyValueOptions;
import dev.cairn.kv.OutcomeUnknownException;
import dev.cairn.kv.SetOptions;
import dev.cairn.testkit.kv.PrivateRedis;
import io.lettuce.core.KillArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Single commands combined on the {@link CommandCombiner}'s connections, against a private, password-protected
 * Redis in database 2: many callers at once, and every way such a connection breaks. An administrator's Lettuce
 * connection looks from outside ({@code CLIENT LIST}, {@code CLIENT KILL}, {@code INFO stats}).
 */
class CommandCombinerTest {
  private static final String PASSWORD = "s3cret-combine";
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

  private static List<String> combinerClients() {
    return admin.clientsNamed(PipelineConnection.COMBINER_NAME);
  }

  /** Redis' count of reads from client sockets so far ({@code INFO stats}). */
  private static long socketReads() {
    return admin().info("stats").lines().filter(line -> line.startsWith("total_reads_processed:"))
        .mapToLong(line -> Long.parseLong(line.substring(line.indexOf(':') + 1).strip())).findFirst().orElseThrow();
  }

  @Test
  void singleCommands_authenticateSelectAndNameTheirConnection() {
    try (KeyValue kv = KeyValue.open(url())) {
      kv.set("auth:a", "1");
      assertThat(kv.set("auth:a", "2", SetOptions.ifAbsent())).isFalse();
      assertThat(kv.get("auth:a")).hasValue("1");
      assertThat(kv.get("auth:missing")).isEmpty();
      assertThat(admin().get("auth:a")).as("written to database 2").isEqualTo("1");
      assertThat(combinerClients()).hasSize(1);
    }
    assertThat(combinerClients()).as("closed with the store").isEmpty();
  }

  @Test
  void manyConcurrentCallers_eachGetsItsOwnReply_fewerSocketReadsThanCommands_atMostTwoConnections()
      throws Exception {
    int callers = 50;
    int perCaller = 200;
    try (KeyValue kv = KeyValue.open(url())) {
      long readsBefore = socketReads();
      ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
      AtomicInteger mostConnections = new AtomicInteger();
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < callers; t++) {
        String own = "own:" + t;
        threads.add(Thread.ofVirtual().start(() -> {
          try {
            for (int i = 1; i <= perCaller; i++) {
              // each caller checks that the reply it gets is its own: its counter's new value, its key's value
              assertThat(kv.incr(own)).isEqualTo(i);
              kv.incr("shared");
              kv.set(own + ":v", own + "=" + i);
              assertThat(kv.get(own + ":v")).hasValue(own + "=" + i);
            }
          } catch (Throwable e) {
            failures.add(e);
          }
        }));
      }
      while (threads.stream().anyMatch(Thread::isAlive)) {
        mostConnections.accumulateAndGet(combinerClients().size(), Math::max);
        Thread.sleep(5);
      }
      long commands = (long) callers * perCaller * 4;
      long reads = socketReads() - readsBefore;
      assertThat(failures).isEmpty();
      assertThat(kv.get("shared")).hasValue(Integer.toString(callers * perCaller));
      assertThat(mostConnections.get()).isBetween(1, CommandCombiner.CONNECTIONS);
      // one read per command would mean no combining at all; the administrator's own commands count here too
      assertThat(reads).as("socket reads for %d commands", commands).isLessThan(commands / 2);
    }
  }

  @Test
  void idleConnectionKilledByServer_nextCommandRunsOnAFreshOne() {
    try (KeyValue kv = KeyValue.open(url())) {
      kv.set("killed:a", "1");
      combinerClients().stream().map(line -> line.substring(line.indexOf("id=") + 3, line.indexOf(' ')))
          .forEach(id -> admin().clientKill(KillArgs.Builder.id(Long.parseLong(id))));

      // without the check for a connection the server closed, this would be written to a dead socket and fail
      // as of unknown outcome although Redis is up
      assertThat(kv.incr("killed:n")).isEqualTo(1);
      assertThat(admin().get("killed:n")).isEqualTo("1");
    }
  }

  @Test
  void serverDown_neverSentWithoutPassword_thenServedAgain() throws Exception {
    try (KeyValue kv = KeyValue.open(url(), KeyValueOptions.defaults().withCommandTimeout(Duration.ofSeconds(1)))) {
      kv.set("restart:a", "1");

      REDIS.stopServer();
      try {
        assertThatThrownBy(() -> kv.incr("restart:n"))
            .isInstanceOf(UnavailableException.class)
            .isNotInstanceOf(OutcomeUnknownException.class)
            .hasMessageContaining("not sent")
            .hasMessageNotContaining(PASSWORD)
            .extracting(e -> ((UnavailableException) e).code()).isEqualTo("KV_UNAVAILABLE");
      } finally {
        REDIS.start();
      }

      assertThat(kv.incr("restart:n")).as("the failed increment was not applied").isEqualTo(1);
    }
  }

  @Test
  void serverPausedPastTheTimeout_timeoutAppliedAtMostOnce_thenServedAgain() throws Exception {
    try (KeyValue kv = KeyValue.open(url(), KeyValueOptions.defaults().withCommandTimeout(Duration.ofMillis(300)))) {
      kv.set("paused:a", "1");
      admin().clientPause(1_500);

      assertThatThrownBy(() -> kv.incr("paused:n"))
          .isInstanceOf(OutcomeUnknownException.class)
          .extracting(e -> ((OutcomeUnknownException) e).code()).isEqualTo("KV_TIMEOUT");

      Thread.sleep(1_600);
      assertThat(kv.incr("paused:n")).as("applied once or not at all before").isBetween(1L, 2L);
    }
  }

  @Test
  void callerInterruptedBeforeTheCall_notSentAndStillInterrupted() throws Exception {
    try (KeyValue kv = KeyValue.open(url())) {
      AtomicReference<Throwable> failure = new AtomicReference<>();
      AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
      Thread caller = Thread.ofVirtual().unstarted(() -> {
        Thread.currentThread().interrupt();
        try {
          kv.incr("interrupted:before");
        } catch (Throwable e) {
          failure.set(e);
        }
        stillInterrupted.set(Thread.currentThread().isInterrupted());
      });
      caller.start();
      caller.join();

      assertThat(failure.get()).isInstanceOf(UnavailableException.class)
          .isNotInstanceOf(OutcomeUnknownException.class).hasMessageContaining("not sent");
      assertThat(stillInterrupted.get()).isTrue();
      assertThat(kv.get("interrupted:before")).isEmpty();
    }
  }

  @Test
  void callerInterruptedWhileWaitingForTheAnswer_outcomeUnknown_thenServedAgain() throws Exception {
    try (KeyValue kv = KeyValue.open(url())) {
      kv.set("interrupted:a", "1");
      admin().clientPause(1_000);
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread caller = Thread.ofVirtual().start(() -> {
        try {
          kv.incr("interrupted:n");
        } catch (Throwable e) {
          failure.set(e);
        }
      });
      Thread.sleep(200); // sent by then: Redis holds it while paused
      caller.interrupt();
      caller.join();

      assertThat(failure.get()).isInstanceOf(OutcomeUnknownException.class)
          .extracting(e -> ((OutcomeUnknownException) e).code()).isEqualTo("KV_INTERRUPTED");
      Thread.sleep(1_000);
      assertThat(kv.incr("interrupted:n")).as("applied once or not at all before").isBetween(1L, 2L);
      assertThat(kv.get("interrupted:a")).isEqualTo(Optional.of("1"));
    }
  }

  @Test
  void closedConnections_refuseToOpenOne() {
    // a caller that passed the store's closed check just before close() would otherwise open a connection and send
    PipelineConnections connections = PipelineConnections.forUrl(StoreUrl.parse(url()), 2, 2,
        PipelineConnection.COMBINER_NAME, new RedisErrors("redis://127.0.0.1:" + REDIS.port(), Duration.ofSeconds(1)));
    connections.close();

    assertThatThrownBy(connections::tryBorrow)
        .isInstanceOfSatisfying(CairnException.class, e -> assertThat(e.code()).isEqualTo("KV_CLOSED"));
    assertThat(combinerClients()).isEmpty();
  }

  @Test
  void largeValueOrKey_takesTheSharedConnection() {
    try (KeyValue kv = KeyValue.open(url())) {
      String large = "x".repeat(CommandCombiner.MAX_COMMAND_BYTES + 1);
      kv.set("large:a", large);
      String largeKey = "large:" + "k".repeat(CommandCombiner.MAX_COMMAND_BYTES);
      assertThat(kv.incr(largeKey)).isEqualTo(1);
      assertThat(kv.get(largeKey)).hasValue("1");
      assertThat(kv.exists(largeKey)).isTrue();
      assertThat(combinerClients()).as("not combined").isEmpty();
      assertThat(admin().get("large:a")).isEqualTo(large);
    }
  }

  @Test
  void noBatchConnections_singleCommandsTakeTheSharedConnection() {
    try (KeyValue kv = KeyValue.open(url() + "?batch_connections=0")) {
      assertThat(kv.incr("shared:n")).isEqualTo(1);
      assertThat(combinerClients()).isEmpty();
    }
  }
}
