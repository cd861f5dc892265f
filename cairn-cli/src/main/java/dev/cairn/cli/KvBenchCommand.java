package dev.cairn.cli;

import dev.cairn.bench.BenchProgress;
import dev.cairn.bench.kv.KvBench;
import dev.cairn.bench.kv.KvBenchOptions;
import dev.cairn.core.InvalidInputException;
import dev.cairn.core.StoreUrl;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cairn bench kv}: the key-value workload of {@link KvBench}. Lines go to standard output as each phase
 * ends; a failure (Redis unreachable, a measured operation failing) reaches {@link ErrorReporter} as a
 * {@link dev.cairn.core.CairnException}: one line and exit code 3.
 */
@Command(
    name = "kv",
    mixinStandardHelpOptions = true,
    defaultValueProvider = KvBenchCommand.Defaults.class,
    description = {
      "Measure Cairn's key-value stores against raw Redis clients and a ConcurrentHashMap.",
      "SET/GET, rate-limit and lock workloads through Cairn and, side by side, raw Lettuce, Jedis, Redisson and",
      "redis-benchmark (when installed) on one Redis, then Cairn's memory store against a ConcurrentHashMap.",
      "One line per phase, in operations per second, then each Java peer's heap bytes allocated per operation,",
      "'-' where a peer was not measured:",
      "  kv.<phase> cairn=<ops/s> lettuce=<ops/s> jedis=<ops/s> redisson=<ops/s> redis_benchmark=<ops/s>",
      "      cairn_alloc_b_op=<B> lettuce_alloc_b_op=<B> jedis_alloc_b_op=<B> redisson_alloc_b_op=<B>",
      "  kv.memory.<phase> cairn=<ops/s> map=<ops/s> cairn_alloc_b_op=<B> map_alloc_b_op=<B>",
      "Keys live under a random cairn:bench:kv: prefix and are deleted afterwards; the server is never flushed.",
      "--only redis or --only memory runs one part."
    })
final class KvBenchCommand implements Callable<Integer> {
  static final String DEFAULT_URL = "redis://127.0.0.1:6379";

  @Spec
  private CommandSpec spec;

  @Mixin
  private OutputFormat format;

  @Option(
      names = "--kv",
      paramLabel = "URL",
      description = "Redis to measure: redis://, rediss://, redis-sentinel://, redis-cluster:// (default: "
          + "${DEFAULT-VALUE}). The raw clients and redis-benchmark take plain redis:// URLs only.")
  private String kvUrl;

  @Option(
      names = "--ops",
      paramLabel = "N",
      description = "SETs and GETs per phase (ten times as many per round in the memory phases); the rate-limit "
          + "and lock phases run a quarter as many "
          + "(default: ${DEFAULT-VALUE}).")
  private int ops;

  @Option(
      names = "--threads",
      paramLabel = "T",
      description = "Virtual threads per phase, also the Jedis and Redisson pool size (default: ${DEFAULT-VALUE}).")
  private int threads;

  @Option(
      names = "--only",
      paramLabel = "PART",
      description = "Run one part of the workload: 'redis' (every phase against Redis) or 'memory' (the memory "
          + "store against a ConcurrentHashMap, no Redis needed). Default: both.")
  private String only;

  @Option(names = "--no-progress", description = "Do not show progress on standard error (a bar on a terminal,"
      + " a line per step elsewhere).")
  private boolean noProgress;

  @Override
  public Integer call() {
    PrintStream out = Terminal.of(spec).out();
    KvBenchOptions options = options();
    KvBench.run(options, BenchLines.stream(out, format.json())::println,
        noProgress ? BenchProgress.NONE : Progress.on(Terminal.of(spec), "bench kv"));
    return ExitCodes.OK;
  }

  // Checked here so a bad URL or count is a usage error before anything connects; messages show URLs redacted.
  private KvBenchOptions options() {
    StoreUrl url;
    try {
      url = StoreUrl.parse(kvUrl);
    } catch (InvalidInputException e) {
      throw UsageErrors.invalidArgument(spec, "--kv: " + e.getMessage(), e);
    }
    if (!url.kind().isKeyValue() || url.kind() == StoreUrl.Kind.MEMORY) {
      throw UsageErrors.invalidArgument(spec,
          "--kv needs a Redis URL (redis://, rediss://, redis-sentinel://, redis-cluster://), got " + url, null);
    }
    try {
      KvBenchOptions options = KvBenchOptions.defaults(kvUrl).withThreads(threads).withOps(ops)
          .withProgress(!noProgress);
      return only == null ? options : options.only(KvBenchOptions.Part.named(only));
    } catch (InvalidInputException e) {
      throw UsageErrors.invalidArgument(spec, e.getMessage(), e);
    }
  }

  /** The defaults come from {@link KvBenchOptions#defaults} so help text and workload cannot disagree. */
  static final class Defaults implements IDefaultValueProvider {
    private static final KvBenchOptions DEFAULTS = KvBenchOptions.defaults(DEFAULT_URL);

    @Override
    public String defaultValue(ArgSpec argSpec) {
      if (!(argSpec instanceof OptionSpec option)) {
        return null;
      }
      return switch (option.longestName()) {
        case "--kv" -> DEFAULTS.kvUrl();
        case "--ops" -> String.valueOf(DEFAULTS.ops());
        case "--threads" -> String.valueOf(DEFAULTS.threads());
        default -> null;
      };
    }
  }
}
