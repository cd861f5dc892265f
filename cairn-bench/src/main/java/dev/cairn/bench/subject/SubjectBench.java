package dev.cairn.bench.subject;

import dev.cairn.bench.BenchProgress;
import dev.cairn.kv.KeyValue;
import dev.cairn.kv.spi.RedisAccess;
import dev.cairn.subject.Subject;
import dev.cairn.subject.SubjectStorage;
import dev.cairn.subject.SubjectStorages;
import dev.cairn.subject.Subjects;
import dev.cairn.subject.Write;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The workload of {@code cairn bench subject}: against one Redis in one run, prints
 *
 * <pre>
 * subject.store100 cairn=N round_trips=R
 * subject.incr_contended cairn=N lost=L
 * subject.get cairn=N lettuce_hget=N
 * </pre>
 *
 * <p>{@code store100}: 100 properties set in the cache, then one {@code store()}; N is stores per second, R the
 * request/reply exchanges per store as counted by the storage on the client (one pipelined MULTI/EXEC is one).
 * {@code incr_contended}: threads incrementing one property directly (HINCRBY); L is increments issued minus the
 * final value. {@code get}: a fresh subject read (HGETALL of a 10-property hash) per operation from many virtual
 * threads, against raw Lettuce HGET of one field on the same shared connection. Keys live under a random
 * {@code cairn:bench:subject:} KRules prefix and are deleted afterwards; the server is never flushed.
 */
public final class SubjectBench {
  private static final SecureRandom RANDOM = new SecureRandom();

  private SubjectBench() {}

  /**
   * Runs the three phases, handing each line to {@code out} when measured; returns the lines.
   *
   * @throws dev.cairn.core.CairnException the store's failures (bad URL, unreachable server, Redis Cluster)
   */
  public static List<String> run(SubjectBenchOptions options, Consumer<String> out) throws InterruptedException {
    return run(options, out, BenchProgress.NONE);
  }

  /**
   * As {@link #run(SubjectBenchOptions, Consumer)}, telling {@code bar} each step ({@code cairn store100},
   * {@code cairn incr_contended}, {@code cairn get warm-up}, {@code lettuce_hget get round 1/3}, ...) and how far
   * the stores are; the bar is cleared before each line.
   */
  public static List<String> run(SubjectBenchOptions options, Consumer<String> out, BenchProgress bar)
      throws InterruptedException {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(bar, "bar");
    try {
      return measure(options, out, bar);
    } finally {
      bar.clear();
    }
  }

  private static List<String> measure(SubjectBenchOptions options, Consumer<String> out, BenchProgress bar)
      throws InterruptedException {
    List<String> lines = new ArrayList<>();
    Consumer<String> emit = line -> {
      bar.clear();
      lines.add(line);
      out.accept(line);
    };
    byte[] random = new byte[4];
    RANDOM.nextBytes(random);
    String prefix = "cairn:bench:subject:" + HexFormat.of().formatHex(random) + ":";
    try (KeyValue kv = KeyValue.open(options.kvUrl());
        SubjectStorage storage = SubjectStorages.redis(kv, prefix, 1_000);
        Subjects subjects = Subjects.on(storage)) {
      List<String> names = new ArrayList<>();
      try {
        bar.step("cairn store100");
        emit.accept(store100(options, subjects, storage, names, bar));
        bar.step("cairn incr_contended");
        emit.accept(incrementContended(options, subjects, names));
        emit.accept(get(options, subjects, prefix, RedisAccess.of(kv).orElseThrow(), names, bar));
      } finally {
        names.forEach(storage::flush);
      }
    }
    return lines;
  }

  private static String store100(SubjectBenchOptions options, Subjects subjects, SubjectStorage storage,
      List<String> names, BenchProgress bar) {
    int stride = Math.max(1, options.stores() / 100);
    long exchanges = 0;
    long started = System.nanoTime();
    for (int i = 0; i < options.stores(); i++) {
      String name = "store-" + i;
      names.add(name);
      Subject subject = subjects.get(name);
      for (int property = 0; property < 100; property++) {
        subject.set("p" + property, property);
      }
      long beforeStore = storage.stats().roundTrips();
      subject.store();
      exchanges += storage.stats().roundTrips() - beforeStore;
      if ((i + 1) % stride == 0) {
        bar.update(i + 1, options.stores());
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    return "subject.store100 cairn=" + Math.round(options.stores() / seconds) + " round_trips="
        + format((double) exchanges / options.stores());
  }

  private static String incrementContended(SubjectBenchOptions options, Subjects subjects, List<String> names)
      throws InterruptedException {
    String name = "contended";
    names.add(name);
    long issued = (long) options.incrementThreads() * options.incrementsPerThread();
    long started = System.nanoTime();
    Parallel.run(options.incrementThreads(), thread -> {
      Subject subject = subjects.get(name);
      for (int i = 0; i < options.incrementsPerThread(); i++) {
        subject.increment("counter", 1, Write.DIRECT.mute());
      }
    });
    double seconds = (System.nanoTime() - started) / 1e9;
    long counted = (Long) subjects.get(name).get("counter");
    return "subject.incr_contended cairn=" + Math.round(issued / seconds) + " lost=" + (issued - counted);
  }

  private static String get(SubjectBenchOptions options, Subjects subjects, String prefix, RedisAccess raw,
      List<String> names, BenchProgress bar) throws InterruptedException {
    String name = "read";
    names.add(name);
    Subject seed = subjects.get(name);
    for (int property = 0; property < 10; property++) {
      seed.set("p" + property, "value-" + property);
    }
    seed.store();
    String key = "s:" + prefix + name; // KRules' layout, as SubjectStorages.redis documents it
    int perThread = Math.max(1, options.gets() / options.getThreads());
    long total = (long) perThread * options.getThreads();
    Parallel.Task cairnRead = thread -> {
      for (int i = 0; i < perThread; i++) {
        subjects.get(name).get("p1");
      }
    };
    Parallel.Task lettuceRead = thread -> {
      for (int i = 0; i < perThread; i++) {
        raw.call("HGET", commands -> commands.hget(key, "pp1"));
      }
    };
    // Alternate the two over several rounds and keep each one's best, so JIT warm-up and a noisy shared machine
    // do not favour whichever runs second; the first round of each is warm-up.
    double cairn = 0;
    double lettuce = 0;
    for (int round = 0; round < 4; round++) {
      String step = round == 0 ? "warm-up" : "round " + round + "/3";
      bar.step("cairn get " + step);
      double cairnRate = total / Parallel.seconds(options.getThreads(), cairnRead);
      bar.step("lettuce_hget get " + step);
      double lettuceRate = total / Parallel.seconds(options.getThreads(), lettuceRead);
      if (round > 0) {
        cairn = Math.max(cairn, cairnRate);
        lettuce = Math.max(lettuce, lettuceRate);
      }
    }
    return "subject.get cairn=" + Math.round(cairn) + " lettuce_hget=" + Math.round(lettuce);
  }

  private static String format(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : String.format("%.2f", value);
  }
}
