package dev.cairn.kv.coord;

import dev.cairn.kv.KeyValue;
import dev.cairn.kv.coord.Lock;
import dev.cairn.kv.coord.Locks;
import dev.cairn.kv.coord.RateLimiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One side of {@link CrossProcessTest}: threads that contend for a shared lock or rate limit in a Redis view. Run
 * in the test JVM and, through {@link #main}, in a second JVM; both sides start together through a barrier key and
 * report what they saw as text lines, which the test checks.
 */
final class Contender {
  private static final Duration LOCK_TTL = Duration.ofSeconds(30);
  private static final Duration LOCK_WAIT = Duration.ofSeconds(60);

  private Contender() {}

  /** Arguments: Redis URL, key prefix, task (lock, sliding-window, gcra), threads, rounds per thread. */
  public static void main(String[] args) throws Exception {
    try (KeyValue store = KeyValue.open(args[0])) {
      List<String> lines = run(store.withPrefix(args[1]), args[2], Integer.parseInt(args[3]),
          Integer.parseInt(args[4]));
      lines.forEach(System.out::println);
    }
  }

  /**
   * Waits for the other process at the barrier, then runs {@code task}. A lock round reports
   * {@code "<fencing token> <counter before> <holders inside>"}; a rate-limit thread reports how many it was
   * admitted.
   */
  static List<String> run(KeyValue kv, String task, int threads, int rounds) throws Exception {
    awaitOtherProcess(kv);
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    try (Locks locks = Locks.on(kv); ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        done.add(pool.submit(() -> {
          if (task.equals("lock")) {
            lockRounds(kv, locks, rounds, lines);
          } else {
            lines.add(Long.toString(admitted(kv, task, rounds)));
          }
          return null;
        }));
      }
      for (Future<?> thread : done) {
        thread.get(5, TimeUnit.MINUTES);
      }
    }
    return lines;
  }

  private static void lockRounds(KeyValue kv, Locks locks, int rounds, List<String> lines) {
    for (int round = 0; round < rounds; round++) {
      try (Lock lock = locks.acquire("shared", LOCK_TTL, LOCK_WAIT)) {
        long holders = kv.incr("holders");
        // a read-modify-write that only the lock keeps exact
        long before = Long.parseLong(kv.get("counter").orElse("0"));
        kv.set("counter", Long.toString(before + 1));
        lines.add(lock.fencingToken() + " " + before + " " + holders);
        kv.decr("holders");
      }
    }
  }

  private static long admitted(KeyValue kv, String limiterKind, int checks) {
    RateLimiter limiter = limiterKind.equals("gcra")
        ? RateLimiter.gcra(kv, 100, Duration.ofHours(1))
        : RateLimiter.slidingWindow(kv, 100, Duration.ofMinutes(5));
    long admitted = 0;
    for (int i = 0; i < checks; i++) {
      admitted += limiter.check("shared").allowed() ? 1 : 0;
    }
    return admitted;
  }

  private static void awaitOtherProcess(KeyValue kv) throws InterruptedException {
    kv.incr("ready");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (Long.parseLong(kv.get("ready").orElse("0")) < 2) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the other process did not reach the barrier within 60 s");
      }
      Thread.sleep(5);
    }
  }
}
