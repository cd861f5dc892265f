package dev.cairn.kv.internal.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.UnavailableException;
import dev.cairn.kv.Batch;
import dev.cairn.kv.KeyValue;
import dev.cairn.kv.KeyValueOptions;
import dev.cairn.kv.OutcomeUnknownException;
import dev.cairn.testkit.kv.PrivateRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * A private Redis that fsyncs its AOF before every reply is killed with SIGKILL (and started again) several times
 * while many callers run {@code incr} and {@code set}. Every failure must say truthfully what happened: a plain
 * {@code KV_UNAVAILABLE} promises the command never reached Redis, an {@link OutcomeUnknownException} that it may
 * have, and Cairn must not send a command a second time after a reconnect. So the final counter lies between the
 * acknowledged increments and those plus the ones of unknown outcome, every acknowledged key is there, and no key
 * whose set was reported as never sent is. A subclass supplies the deployment and the hash tag of keys that live
 * on the server it kills.
 */
abstract class KilledMidLoadScenario {
  private static final long PHASE_TIMEOUT_SECONDS = 30;
  private static final int KILLS = 3;

  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong successes = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong ackedIncrements = new AtomicLong();
  private final AtomicLong unknownIncrements = new AtomicLong();
  private final AtomicLong neverSentIncrements = new AtomicLong();
  private final Set<String> ackedKeys = ConcurrentHashMap.newKeySet();
  private final Set<String> unknownKeys = ConcurrentHashMap.newKeySet();
  private final Set<String> neverSentKeys = ConcurrentHashMap.newKeySet();
  private final Queue<Throwable> unexpected = new ConcurrentLinkedQueue<>();

  /** The deployment; {@link PrivateRedis#killServer()} must hit the server of {@link #keyPrefix()}. */
  abstract PrivateRedis redis();

  /** The prefix of every key the load writes. */
  abstract String keyPrefix();

  @Test
  void incrAndSet_serverKilledRepeatedly_failuresTellWhetherTheyMayHaveBeenApplied() throws Exception {
    PrivateRedis redis = redis();
    KeyValueOptions options = KeyValueOptions.defaults().withCommandTimeout(Duration.ofSeconds(2));
    try (KeyValue store = KeyValue.open(redis.url(), options)) {
      KeyValue kv = store.withPrefix(keyPrefix());
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        workers.add(Thread.ofVirtual().start(() -> incrementUntilStopped(kv)));
        String worker = "w" + t;
        workers.add(Thread.ofVirtual().start(() -> setUntilStopped(kv, worker)));
      }
      for (int t = 0; t < 4; t++) {
        String worker = "b" + t;
        workers.add(Thread.ofVirtual().start(() -> batchUntilStopped(kv, worker)));
      }
      try {
        for (int kill = 0; kill < KILLS; kill++) {
          long before = successes.get();
          awaitTrue(() -> successes.get() > before + 500, "load to run before kill " + (kill + 1));
          long failuresBefore = failures.get();
          redis.killServer();
          awaitTrue(() -> failures.get() > failuresBefore, "calls to fail after kill " + (kill + 1));
          redis.start();
        }
        long afterLast = successes.get();
        awaitTrue(() -> successes.get() > afterLast + 500, "calls to succeed after the last restart");
      } finally {
        running.set(false);
        for (Thread worker : workers) {
          worker.join();
        }
      }

      assertThat(unexpected).as("failures other than UnavailableException").isEmpty();
      // A connection left idle through the outage reconnects on Lettuce's backoff (20 ms doubling to 1 s): MGET,
      // which the load never sent, may be refused as never sent for up to a second after the restart while the
      // commands the load kept sending already work (a CI run failed on that). The checks below are about what is
      // stored, so they first wait for every path to reach the server again.
      awaitTrue(() -> reachable(() -> kv.mget(Set.of("counter"))), "MGET to reach the restarted server");
      long counter = Long.parseLong(kv.get("counter").orElse("0"));
      String figures = "counter=" + counter + " acked=" + ackedIncrements + " unknown=" + unknownIncrements
          + " neverSent=" + neverSentIncrements;
      assertThat(unknownIncrements.get() + unknownKeys.size()).as("calls in flight at a kill (" + figures + ")")
          .isPositive();
      assertThat(counter).as("every acknowledged increment survives (" + figures + ")")
          .isGreaterThanOrEqualTo(ackedIncrements.get());
      assertThat(counter).as("only increments of unknown outcome may count beyond the acknowledged (" + figures + ")")
          .isLessThanOrEqualTo(ackedIncrements.get() + unknownIncrements.get());

      Map<String, String> acked = kv.mget(ackedKeys);
      assertThat(acked.keySet()).as("acknowledged sets survive").containsExactlyInAnyOrderElementsOf(ackedKeys);
      Map<String, String> neverSent = kv.mget(neverSentKeys);
      assertThat(neverSent.keySet()).as("sets reported as never sent (" + neverSentKeys.size() + "; "
          + unknownKeys.size() + " unknown) must not be in Redis").isEmpty();
    }
  }

  private void incrementUntilStopped(KeyValue kv) {
    while (running.get()) {
      try {
        kv.incr("counter");
        ackedIncrements.incrementAndGet();
        successes.incrementAndGet();
      } catch (RuntimeException e) {
        failures.incrementAndGet();
        classify(e, unknownIncrements::incrementAndGet, neverSentIncrements::incrementAndGet);
      }
    }
  }

  private void setUntilStopped(KeyValue kv, String worker) {
    for (long i = 0; running.get(); i++) {
      String key = "set:" + worker + ":" + i;
      try {
        kv.set(key, "v");
        ackedKeys.add(key);
        successes.incrementAndGet();
      } catch (RuntimeException e) {
        failures.incrementAndGet();
        classify(e, () -> unknownKeys.add(key), () -> neverSentKeys.add(key));
      }
    }
  }

  /** Batches of a set and an increment, each reply counted as the single calls count theirs. */
  private void batchUntilStopped(KeyValue kv, String worker) {
    for (long i = 0; running.get(); i++) {
      String key = "set:" + worker + ":" + i;
      List<Batch.Reply<?>> replies = new ArrayList<>(2);
      try {
        kv.batch(batch -> {
          replies.add(batch.set(key, "v"));
          replies.add(batch.incrBy("counter", 1));
        });
      } catch (RuntimeException e) {
        failures.incrementAndGet(); // each reply below tells its own command's fate
      }
      try {
        replies.get(0).get();
        ackedKeys.add(key);
        successes.incrementAndGet();
      } catch (RuntimeException e) {
        classify(e, () -> unknownKeys.add(key), () -> neverSentKeys.add(key));
      }
      try {
        replies.get(1).get();
        ackedIncrements.incrementAndGet();
      } catch (RuntimeException e) {
        classify(e, unknownIncrements::incrementAndGet, neverSentIncrements::incrementAndGet);
      }
    }
  }

  private void classify(RuntimeException e, Runnable unknown, Runnable neverSent) {
    if (e instanceof OutcomeUnknownException) {
      unknown.run();
    } else if (e instanceof UnavailableException unavailable && unavailable.code().equals("KV_UNAVAILABLE")) {
      neverSent.run();
    } else {
      unexpected.add(e);
    }
  }

  /** Whether {@code read} got an answer, rather than KV_UNAVAILABLE. */
  private static boolean reachable(Runnable read) {
    try {
      read.run();
      return true;
    } catch (UnavailableException e) {
      return false;
    }
  }

  private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PHASE_TIMEOUT_SECONDS);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + PHASE_TIMEOUT_SECONDS + " s for " + what);
      }
      Thread.sleep(5);
    }
  }
}
