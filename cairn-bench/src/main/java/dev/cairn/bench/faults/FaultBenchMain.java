package dev.cairn.bench.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@link FaultBench} without the CLI: {@code FaultBenchMain [--scenario NAME]... [--load-seconds S]}. The HTTP
 * scenarios need the server module on the class path. {@code cairn bench faults} is the supported entry point.
 */
public final class FaultBenchMain {
  private FaultBenchMain() {}

  /** @throws IllegalArgumentException for an unknown option or a load that is not a number */
  public static void main(String[] args) {
    List<String> scenarios = new ArrayList<>();
    FaultBenchOptions options = FaultBenchOptions.defaults();
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--scenario" -> scenarios.add(args[i + 1]);
        case "--load-seconds" -> options = options.withLoad(Duration.ofSeconds(Long.parseLong(args[i + 1])));
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; expected --scenario NAME or --load-seconds S");
      }
    }
    FaultBench.run(scenarios.isEmpty() ? options : options.withScenarios(scenarios), System.out::println);
  }
}
