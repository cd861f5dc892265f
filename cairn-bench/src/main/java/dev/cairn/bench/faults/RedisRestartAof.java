package dev.cairn.bench.faults;

import dev.cairn.bench.faults.internal.FailureCodes;
import dev.cairn.bench.faults.internal.OpLedger;
import dev.cairn.bench.faults.internal.OpLedger.Outcome;
import dev.cairn.bench.faults.internal.RedisServer;
import dev.cairn.core.CairnException;
import dev.cairn.kv.KeyValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * {@code redis_restart_aof}: a private Redis with {@code --appendonly yes --appendfsync always}, killed with SIGKILL
 * and started again 3 times while 64 virtual threads alternate {@code incr} of one counter and {@code set} of a key
 * of their own. Afterwards every acknowledged set is present, no set reported failed with a definite code ("never
 * sent") is present, and the counter is at least the acknowledged increments (else {@code lost}) and at most the
 * acknowledged plus the outcome-unknown ones (else {@code duplicated}: an increment applied that was reported as
 * never sent, or replayed).
 */
final class RedisRestartAof implements Scenario {
  private static final int THREADS = 64;
  private static final int KILLS = 3;
  private static final Duration DOWN = Duration.ofMillis(300);
  private static final Duration PAUSE_AFTER_FAILURE = Duration.ofMillis(10);
  private static final String COUNTER = "counter";

  @Override
  public String name() {
    return "redis_restart_aof";
  }

  @Override
  public FaultReport run(Duration load, Path directory) throws Exception {
    OpLedger sets = new OpLedger();
    Increments incrs = new Increments();
    FailureCodes codes = new FailureCodes();
    int kills = 0;
    try (RedisServer redis = RedisServer.start(directory.resolve("redis"), true)) {
      try (KeyValue kv = KeyValue.open(redis.url())) {
        long end = System.nanoTime() + load.toNanos();
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          String prefix = "t" + t + "-";
          clients.add(Thread.ofVirtual().start(() -> {
            for (int n = 0; System.nanoTime() < end; n++) {
              boolean failed = n % 2 == 0 ? incr(kv, incrs, sets, codes) : set(kv, prefix + n, sets, codes);
              if (failed) {
                pause();
              }
            }
          }));
        }
        for (int k = 1; k <= KILLS; k++) {
          Thread.sleep(load.toMillis() / (KILLS + 1));
          redis.kill9();
          Thread.sleep(DOWN.toMillis());
          redis.restart();
          kills++;
        }
        for (Thread client : clients) {
          client.join(Duration.ofSeconds(30));
        }
      }
      try (KeyValue check = KeyValue.open(redis.url())) {
        long counter = check.get(COUNTER).map(Long::parseLong).orElse(0L);
        OpLedger.Tally tally = sets.tally(present(check, sets));
        long overCount = Math.max(0, counter - (incrs.acked.get() + incrs.unknown.get()));
        long underCount = Math.max(0, incrs.acked.get() - counter);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kills", kills);
        details.put("counter", counter);
        details.put("acked_incrs", incrs.acked.get());
        details.put("unknown_incrs", incrs.unknown.get());
        details.put("failed_incrs", incrs.failed.get());
        details.put("unknown_sets", tally.unknown());
        details.put("failed_sets", tally.failed());
        details.put("codes", codes.toString());
        return new FaultReport(name(), tally.attempts() + incrs.attempts.get(), tally.acked() + incrs.acked.get(),
            tally.lost() + underCount, tally.duplicated() + overCount, tally.falseFailures(), sets.maxWaitMillis(),
            details);
      }
    }
  }

  private static boolean incr(KeyValue kv, Increments incrs, OpLedger timing, FailureCodes codes) {
    incrs.attempts.incrementAndGet();
    long start = System.nanoTime();
    try {
      kv.incr(COUNTER);
      incrs.acked.incrementAndGet();
      return false;
    } catch (CairnException e) {
      codes.add(e.code());
      (OpLedger.ofFailureCode(e.code()) == Outcome.UNKNOWN ? incrs.unknown : incrs.failed).incrementAndGet();
      return true;
    } finally {
      timing.waited(System.nanoTime() - start);
    }
  }

  private static boolean set(KeyValue kv, String op, OpLedger sets, FailureCodes codes) {
    long start = sets.start(op);
    try {
      kv.set("s:" + op, op);
      sets.finish(op, Outcome.ACKED, start);
      return false;
    } catch (CairnException e) {
      codes.add(e.code());
      sets.finish(op, OpLedger.ofFailureCode(e.code()), start);
      return true;
    }
  }

  // every started set, looked up in batches; a key holds its own op id, so presence is exact
  private static Map<String, Integer> present(KeyValue kv, OpLedger sets) {
    Map<String, Integer> present = new HashMap<>();
    List<String> keys = new ArrayList<>();
    try (Stream<String> scanned = kv.scan("s:*")) {
      scanned.forEach(keys::add);
    }
    for (int from = 0; from < keys.size(); from += 500) {
      kv.mget(keys.subList(from, Math.min(keys.size(), from + 500))).forEach((key, value) -> {
        if (value != null && key.equals("s:" + value)) {
          present.merge(value, 1, Integer::sum);
        }
      });
    }
    return present;
  }

  private static void pause() {
    try {
      TimeUnit.MILLISECONDS.sleep(PAUSE_AFTER_FAILURE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The increments' outcomes; an increment has no id, only its count. */
  private static final class Increments {
    final AtomicLong attempts = new AtomicLong();
    final AtomicLong acked = new AtomicLong();
    final AtomicLong unknown = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
  }
}
