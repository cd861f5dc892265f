package dev.cairn.bench.subject;

import dev.cairn.bench.BenchProgress;
import dev.cairn.bench.kv.SideBySide;
import dev.cairn.kv.KeyValue;
import dev.cairn.kv.spi.RedisAccess;
import dev.cairn.subject.SubjectStorage;
import dev.cairn.subject.SubjectStorages;
import dev.cairn.subject.Subjects;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The workload of {@code cairn bench subject}: against one Redis in one run, each phase through Cairn and through
 * raw Lettuce on Cairn's own shared connection (the same connection model, threads, key, field and value bytes),
 * measured side by side as the kv bench measures ({@link SideBySide}) and printed as its lines are:
 *
 * <pre>
 * subject.store100 cairn=N lettuce_hset=N cairn_alloc_b_op=B lettuce_hset_alloc_b_op=B round_trips=R ratio=X
 * subject.incr_contended cairn=N lettuce_hincrby=N cairn_alloc_b_op=B lettuce_hincrby_alloc_b_op=B lost=L ratio=X
 * subject.get cairn=N lettuce_hget=N cairn_alloc_b_op=B lettuce_hget_alloc_b_op=B ratio=X
 * </pre>
 *
 * <p>N is operations per second, X Cairn's rate over Lettuce's, B heap bytes allocated per operation.
 * {@code store100}: 100 properties set in the cache, then one {@code store()}, from one thread; the peer sends the
 * same 100 fields and JSON values in one HSET. R is the request/reply exchanges per store as counted by the storage
 * on the client (one pipelined MULTI/EXEC is one). {@code incr_contended}: threads incrementing one property
 * directly, against HINCRBY of one field of another hash; L is Cairn's increments issued minus the final value.
 * {@code get}: a fresh subject's property read per operation from many virtual threads, against HGET of the same
 * field of the same hash with its bytes decoded to a String (Cairn decodes the JSON string to one). Keys live under
 * a random {@code cairn:bench:subject:} KRules prefix and are deleted afterwards; the server is never flushed.
 */
public final class SubjectBench {
  private static final SecureRandom RANDOM = new SecureRandom();

  private SubjectBench() {}

  /**
   * Runs the three phases, handing each line to {@code out} when measured; returns the lines.
   *
   * @throws dev.cairn.core.CairnException the store's failures (bad URL, unreachable server, Redis Cluster),
   *     {@code BENCH_OPERATION_FAILED} when a measured operation fails
   */
  public static List<String> run(SubjectBenchOptions options, Consumer<String> out) {
    return run(options, out, BenchProgress.NONE);
  }

  /**
   * As {@link #run(SubjectBenchOptions, Consumer)}, telling {@code bar} each phase ({@code subject.store100},
   * {@code subject.incr_contended}, {@code subject.get}) and how far it is; the bar is cleared before each line.
   */
  public static List<String> run(SubjectBenchOptions options, Consumer<String> out, BenchProgress bar) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(bar, "bar");
    try {
      return measure(options, out, bar);
    } finally {
      bar.clear();
    }
  }

  private static List<String> measure(SubjectBenchOptions options, Consumer<String> out, BenchProgress bar) {
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
      SubjectPhases phases = new SubjectPhases(options, subjects, RedisAccess.of(kv).orElseThrow(), prefix);
      try {
        SideBySide store = phases.store100(bar);
        emit.accept(store.line(Map.of("round_trips", format(phases.roundTripsPerStore()))));
        SideBySide increment = phases.incrementContended(bar);
        emit.accept(increment.line(Map.of("lost", phases.lostIncrements())));
        emit.accept(phases.get(bar).line(Map.of()));
      } finally {
        // every key the phases wrote, Cairn's and the raw peer's, is a subject under the prefix
        storage.names("").forEach(storage::flush);
      }
    }
    return lines;
  }

  private static String format(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
  }
}
