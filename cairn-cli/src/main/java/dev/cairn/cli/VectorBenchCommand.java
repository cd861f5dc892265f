package dev.cairn.cli;

import dev.cairn.bench.BenchProgress;
import dev.cairn.bench.vector.VectorBench;
import dev.cairn.bench.vector.VectorBenchOptions;
import dev.cairn.core.InvalidInputException;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cairn bench vector}: the vector workload of {@link VectorBench}, one line per phase. */
@Command(
    name = "vector",
    mixinStandardHelpOptions = true,
    description = {
      "Measure vector search through Cairn (embedded and pgvector) against raw Lucene and raw pgvector JDBC.",
      "Builds the same HNSW index (cosine, m=16, ef_construction=100) on each side, then searches it (k=10,",
      "8 threads) at the ef_search that reaches recall@10 >= 0.95 on each side. One line per phase:",
      "  vector.<phase> cairn=<ops/s> lucene=<ops/s> pgvector_jdbc=<ops/s> cairn_pgvector=<ops/s> recall=...",
      "then the cost of durable single upserts (Cairn's commit policy against raw Lucene without and with a commit):",
      "  vector.upsert_single cairn=<ops/s> lucene_nocommit=<ops/s> lucene_commit=<ops/s> threads=<n>",
      "Each line ends with the heap bytes allocated per operation of each side (<side>_alloc_b_op=<bytes>).",
      "Tables bench_raw_vector and cairn_vec_bench_vector are created in the PostgreSQL database and dropped.",
      "Progress goes to standard error: a bar on a terminal, else a line per step and side, and one per tenth of",
      "each side's build ('bench vector: cairn build', 'bench vector: cairn build 10000/100000')."
    })
final class VectorBenchCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = "--postgres", paramLabel = "URL", defaultValue = "postgresql://postgres@127.0.0.1:5432/test",
      description = "PostgreSQL with pgvector (default: ${DEFAULT-VALUE}).")
  private String postgresUrl;

  @Option(names = "--count", paramLabel = "N", defaultValue = "100000", description = "Vectors (default: 100000).")
  private int count;

  @Option(names = "--dimension", paramLabel = "D", defaultValue = "128",
      description = "Dimension, e.g. 128 or 768 (default: 128).")
  private int dimension;

  @Option(names = "--seconds", paramLabel = "S", defaultValue = "5",
      description = "Seconds of searching per side and phase (default: 5).")
  private double seconds;

  @Option(names = "--no-progress", description = "Do not show progress on standard error (a bar on a terminal,"
      + " a line per step elsewhere).")
  private boolean noProgress;

  @Override
  public Integer call() throws Exception {
    VectorBenchOptions options;
    try {
      options = VectorBenchOptions.defaults(postgresUrl).withSize(count, dimension).withSeconds(seconds);
    } catch (InvalidInputException e) {
      throw UsageErrors.invalidArgument(spec, e.getMessage(), e);
    }
    Terminal terminal = Terminal.of(spec);
    PrintStream out = terminal.out();
    VectorBench.run(options, line -> {
      out.println(line);
      out.flush();
    }, noProgress ? BenchProgress.NONE : Progress.on(terminal, "bench vector"));
    return ExitCodes.OK;
  }
}
