package dev.cairn.cli;

import dev.cairn.bench.BenchProgress;
import dev.cairn.bench.subject.SubjectBench;
import dev.cairn.bench.subject.SubjectBenchOptions;
import dev.cairn.core.InvalidInputException;
import dev.cairn.core.StoreUrl;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cairn bench subject}: the subject workload of {@link SubjectBench} against one Redis. A failure (Redis
 * unreachable, a Cluster URL) reaches {@link ErrorReporter} as a {@link dev.cairn.core.CairnException}: one line and
 * exit code 3.
 */
@Command(
    name = "subject",
    mixinStandardHelpOptions = true,
    description = {
      "Measure subjects on Redis in the KRules layout against raw Lettuce on the same connection.",
      "One line per phase: each side's rate, each side's heap bytes allocated per operation (cairn_alloc_b_op=,"
          + " lettuce_<command>_alloc_b_op=), then Cairn's rate over Lettuce's (ratio=):",
      "  subject.store100 cairn=<stores/s> lettuce_hset=<ops/s> round_trips=<n>   100 properties set, then one"
          + " store(), against one HSET of 100 fields",
      "  subject.incr_contended cairn=<ops/s> lettuce_hincrby=<ops/s> lost=<n>   50 threads incrementing one"
          + " property",
      "  subject.get cairn=<ops/s> lettuce_hget=<ops/s>                          property reads against HGET of"
          + " the same field",
      "Keys live under a random cairn:bench:subject: prefix and are deleted afterwards; the server is never flushed.",
      "Progress goes to standard error: a bar on a terminal, else a line per step ('bench subject: cairn store100')."
    })
final class SubjectBenchCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Mixin
  private OutputFormat format;

  @Option(
      names = "--kv",
      paramLabel = "URL",
      defaultValue = KvBenchCommand.DEFAULT_URL,
      description = "Redis to measure: redis://, rediss:// or redis-sentinel:// (default: ${DEFAULT-VALUE}).")
  private String kvUrl;

  @Option(names = "--no-progress", description = "Do not show progress on standard error (a bar on a terminal,"
      + " a line per step elsewhere).")
  private boolean noProgress;

  @Override
  public Integer call() throws InterruptedException {
    Terminal terminal = Terminal.of(spec);
    PrintStream out = BenchLines.stream(terminal.out(), format.json());
    SubjectBench.run(options(), out::println,
        noProgress ? BenchProgress.NONE : Progress.on(terminal, "bench subject"));
    return ExitCodes.OK;
  }

  // Checked here so a bad URL is a usage error before anything connects; messages show URLs redacted.
  private SubjectBenchOptions options() {
    StoreUrl url;
    try {
      url = StoreUrl.parse(kvUrl);
    } catch (InvalidInputException e) {
      throw UsageErrors.invalidArgument(spec, "--kv: " + e.getMessage(), e);
    }
    if (url.kind() != StoreUrl.Kind.REDIS && url.kind() != StoreUrl.Kind.REDIS_SENTINEL) {
      throw UsageErrors.invalidArgument(spec,
          "--kv needs a standalone or Sentinel Redis URL (redis://, rediss://, redis-sentinel://), got " + url, null);
    }
    return SubjectBenchOptions.defaults(kvUrl);
  }
}
