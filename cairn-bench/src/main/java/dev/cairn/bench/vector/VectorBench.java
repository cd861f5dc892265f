package dev.cairn.bench.vector;

import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.bench.BenchProgress;
import dev.cairn.bench.internal.HeapAllocation;
import dev.cairn.bench.internal.TimedSteps;
import dev.cairn.core.StoreUrl;
import dev.cairn.vector.VectorStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;

/**
 * {@code cairn bench vector}: builds the same HNSW index four ways (Cairn embedded, raw Lucene, raw pgvector
 * through JDBC, Cairn on pgvector) and prints one line per phase:
 * <pre>
 * vector.build cairn=&lt;vectors/s&gt; lucene=... pgvector_jdbc=... cairn_pgvector=... bytes_per_vector=c/l/p/cp segments=c/l
 * vector.search_k10 cairn=&lt;queries/s&gt; ... recall=c/l/p/cp ef_search=c/l/p/cp ratio=cairn/lucene,cairn_pgvector/pgvector_jdbc
 * vector.search_filtered ... (the same, within 5 of the 50 clusters, about 10% of the vectors)
 * vector.upsert_single cairn=&lt;upserts/s&gt; lucene_nocommit=... lucene_commit=... threads=1 (then threads=8)
 * </pre>
 * Each line ends with the heap bytes allocated per operation of each side, {@code <side>_alloc_b_op=<bytes>}
 * (vector built, query, upsert; the least of the measured rounds), counted over all threads of the process
 * ({@link HeapAllocation}), so an allocation regression shows where the machine is too noisy for the rates.
 * Each side searches at the smallest ef_search of a fixed ladder whose recall@10 against exact cosine search
 * reaches 0.95 (the largest of the ladder when none does), with {@code threads} threads for {@code seconds}, in
 * a warm-up round and two measured rounds over all sides, the better measured round kept.
 */
public final class VectorBench {
  private static final int[] EF_LADDER = {10, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1000};
  private static final double TARGET_RECALL = 0.95;

  private VectorBench() {}

  /** Runs every phase, handing each line to {@code out} as soon as it is measured; shows no progress. */
  public static void run(VectorBenchOptions options, Consumer<String> out) throws Exception {
    run(options, out, BenchProgress.NONE);
  }

  /**
   * As {@link #run(VectorBenchOptions, Consumer)}, telling {@code bar} each step ({@code cairn build},
   * {@code lucene search_k10 round 1/2}, ...), each tenth of a side's build as a milestone, and how far a step
   * is; the bar is cleared before each line.
   */
  public static void run(VectorBenchOptions options, Consumer<String> out, BenchProgress bar) throws Exception {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(bar, "bar");
    Consumer<String> emit = line -> {
      bar.clear();
      out.accept(line);
    };
    try {
      measure(options, emit, new Steps(bar));
    } finally {
      bar.clear();
    }
  }

  private static void measure(VectorBenchOptions options, Consumer<String> out, Steps steps) throws Exception {
    BenchData data = new BenchData(options);
    Path root = Files.createTempDirectory("cairn-bench-vector");
    Path embedded = root.resolve("cairn");
    StoreUrl postgres = StoreUrl.parse(options.postgresUrl());
    try (HikariDataSource sizes = RawPgvectorSide.pool(postgres, 1)) {
      List<VectorSide> sides = List.of(
          new CairnSide("cairn", VectorStore.open("vector:" + embedded), options, () -> DirectorySize.of(embedded)),
          new RawLuceneSide(root.resolve("lucene"), options),
          new RawPgvectorSide(options),
          new CairnSide("cairn_pgvector", VectorStore.open(options.postgresUrl()), options,
              () -> RawPgvectorSide.relationBytes(sizes, "cairn_vec_" + CairnSide.COLLECTION)));
      try {
        List<String> build = new ArrayList<>();
        List<String> bytes = new ArrayList<>();
        List<String> allocations = new ArrayList<>();
        for (VectorSide side : sides) {
          steps.bar.step(side.name() + " build");
          BuildProgress progress = new BuildProgress(steps.bar, data.vectors.length);
          long allocatedBefore = HeapAllocation.totalBytes();
          long start = System.nanoTime();
          side.build(data, progress);
          build.add(side.name() + "=" + rate(data.vectors.length, System.nanoTime() - start));
          allocations.add(new Rate(0, HeapAllocation.perOperation(allocatedBefore, HeapAllocation.totalBytes(),
              data.vectors.length)).allocationColumn(side.name()));
          bytes.add(String.format(Locale.ROOT, "%.0f", side.bytesPerVector(data.vectors.length)));
        }
        out.accept("vector.build " + String.join(" ", build) + " bytes_per_vector=" + String.join("/", bytes)
            + " segments=" + segments(embedded.resolve(CairnSide.COLLECTION)) + "/"
            + ((RawLuceneSide) sides.get(1)).segments() + " " + String.join(" ", allocations));
        out.accept(searchLine("search_k10", sides, data, options, false, steps));
        out.accept(searchLine("search_filtered", sides, data, options, true, steps));
        for (int threads : new int[] {1, options.threads()}) {
          out.accept(upsertLine((CairnSide) sides.get(0), (RawLuceneSide) sides.get(1), data, options, threads,
              steps));
        }
      } finally {
        for (VectorSide side : sides) {
          side.close();
        }
      }
    } finally {
      DirectorySize.delete(root);
    }
  }

  private static String searchLine(String phase, List<VectorSide> sides, BenchData data, VectorBenchOptions options,
      boolean filtered, Steps steps) throws Exception {
    List<String> rates = new ArrayList<>();
    List<String> recalls = new ArrayList<>();
    List<String> efs = new ArrayList<>();
    Rate[] best = new Rate[sides.size()];
    int[] chosen = new int[sides.size()];
    for (int s = 0; s < sides.size(); s++) {
      VectorSide side = sides.get(s);
      int ef = EF_LADDER[EF_LADDER.length - 1];
      double recall = 0;
      steps.bar.step(side.name() + " " + phase + " recall");
      for (int candidate : EF_LADDER) {
        recall = recall(side, data, candidate, filtered);
        if (recall >= TARGET_RECALL) {
          ef = candidate;
          break;
        }
      }
      chosen[s] = ef;
      recalls.add(String.format(Locale.ROOT, "%.3f", recall));
      efs.add(String.valueOf(ef));
    }
    // An unmeasured round first, then two rounds over all sides, the better kept: the first side measured must
    // not pay the JIT warm-up of code the others share (Lucene's HNSW search; on a loaded machine the compiler
    // threads lag by seconds), nor be the only one hit by a burst of load on a shared machine.
    for (int round = 0; round < 3; round++) {
      for (int s = 0; s < sides.size(); s++) {
        steps.bar.step(sides.get(s).name() + " " + phase + " " + Steps.round(round, 3));
        Rate measured = throughput(sides.get(s), data, chosen[s], filtered, options, steps.bar);
        best[s] = round == 0 ? Rate.NONE : best[s].better(measured);
      }
    }
    List<String> allocations = new ArrayList<>();
    for (int s = 0; s < sides.size(); s++) {
      rates.add(sides.get(s).name() + "=" + String.format(Locale.ROOT, "%.0f", best[s].perSecond()));
      allocations.add(best[s].allocationColumn(sides.get(s).name()));
    }
    return "vector." + phase + " " + String.join(" ", rates) + " recall=" + String.join("/", recalls)
        + " ef_search=" + String.join("/", efs)
        + String.format(Locale.ROOT, " ratio=%.2f,%.2f", best[0].perSecond() / best[1].perSecond(),
            best[3].perSecond() / best[2].perSecond())
        + " " + String.join(" ", allocations);
  }

  /**
   * Single upserts (replacing existing vectors, one call each) with {@code threads} threads: Cairn's acknowledged
   * upsert (committed and visible before it returns; concurrent writers share commits) against raw Lucene's
   * {@code updateDocument} without a commit (not durable) and with a commit per write.
   */
  private static String upsertLine(CairnSide cairn, RawLuceneSide lucene, BenchData data,
      VectorBenchOptions options, int threads, Steps steps) throws Exception {
    IndexedOperation cairnUpsert = i -> cairn.upsertOne(data, i);
    IndexedOperation luceneBuffered = i -> lucene.upsertOne(data, i, false);
    IndexedOperation luceneCommitted = i -> lucene.upsertOne(data, i, true);
    Rate durable = Rate.NONE;
    Rate buffered = Rate.NONE;
    Rate committed = Rate.NONE;
    for (int round = 0; round < 2; round++) { // the first round warms the JIT up for all three, unmeasured
      String step = "upsert_single threads=" + threads + " " + Steps.round(round, 2);
      steps.bar.step("cairn " + step);
      durable = throughput(cairnUpsert, data.vectors.length, threads, options, steps.bar);
      steps.bar.step("lucene_nocommit " + step);
      buffered = throughput(luceneBuffered, data.vectors.length, threads, options, steps.bar);
      steps.bar.step("lucene_commit " + step);
      committed = throughput(luceneCommitted, data.vectors.length, threads, options, steps.bar);
    }
    return String.format(Locale.ROOT, "vector.upsert_single cairn=%.0f lucene_nocommit=%.0f lucene_commit=%.0f"
        + " threads=%d %s %s %s", durable.perSecond(), buffered.perSecond(), committed.perSecond(), threads,
        durable.allocationColumn("cairn"), buffered.allocationColumn("lucene_nocommit"),
        committed.allocationColumn("lucene_commit"));
  }

  /** Segments in the last commit of the Lucene index in {@code directory}. */
  private static int segments(Path directory) throws IOException {
    try (FSDirectory index = FSDirectory.open(directory); DirectoryReader reader = DirectoryReader.open(index)) {
      return reader.leaves().size();
    }
  }

  private static double recall(VectorSide side, BenchData data, int ef, boolean filtered) throws Exception {
    int found = 0;
    int wanted = 0;
    for (int q = 0; q < data.queries.length; q++) {
      int[] truth = filtered ? data.filteredTruth.get(q) : data.truth.get(q);
      Set<Integer> hits = new HashSet<>(side.search(data.queries[q], BenchData.K, ef, filtered));
      for (int id : truth) {
        found += hits.contains(id) ? 1 : 0;
      }
      wanted += truth.length;
    }
    return (double) found / wanted;
  }

  private static Rate throughput(VectorSide side, BenchData data, int ef, boolean filtered,
      VectorBenchOptions options, BenchProgress bar) throws Exception {
    return throughput(q -> side.search(data.queries[q], BenchData.K, ef, filtered), data.queries.length,
        options.threads(), options, bar);
  }

  /**
   * Operations per second of {@code operation} on indexes 0..{@code size}-1 in turn, by {@code threadCount}
   * threads, and the heap allocated per operation meanwhile.
   */
  private static Rate throughput(IndexedOperation operation, int size, int threadCount,
      VectorBenchOptions options, BenchProgress bar) throws Exception {
    AtomicLong done = new AtomicLong();
    long nanos = (long) (options.seconds() * 1e9);
    long deadline = System.nanoTime() + nanos;
    long allocatedBefore = HeapAllocation.totalBytes();
    long start = System.nanoTime();
    try (ExecutorService threads = Executors.newFixedThreadPool(threadCount)) {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threadCount; t++) {
        int first = t;
        workers.add(threads.submit(() -> {
          for (int q = first; System.nanoTime() < deadline; q += threadCount) {
            operation.run(q % size);
            done.incrementAndGet();
          }
          return null;
        }));
      }
      TimedSteps.await(workers, start, nanos, bar);
    }
    long elapsed = System.nanoTime() - start;
    long operations = Math.max(1, done.get());
    return new Rate(done.get() / (elapsed / 1e9),
        HeapAllocation.perOperation(allocatedBefore, HeapAllocation.totalBytes(), operations));
  }

  /** The bar, and the naming of rounds: the first of each measurement is an unmeasured warm-up. */
  private record Steps(BenchProgress bar) {
    static String round(int round, int rounds) {
      return round == 0 ? "warm-up" : "round " + round + "/" + (rounds - 1);
    }
  }

  /** One benchmark operation on the item or query numbered {@code index}. */
  @FunctionalInterface
  private interface IndexedOperation {
    void run(int index) throws Exception;
  }

  private static String rate(long operations, long nanos) {
    return String.format(Locale.ROOT, "%.0f", operations / (nanos / 1e9));
  }
}
