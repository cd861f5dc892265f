package dev.cairn.bench.faults;

import dev.cairn.core.InvalidInputException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Settings of {@link FaultBench}; immutable, validated when built.
 *
 * @param scenarios the scenarios to run, in this order, each once; every name one of {@link FaultBench#SCENARIOS}
 * @param load how long each scenario's load runs (the fault hits during it)
 * @param workDirectory where each scenario gets a directory of its own (deleted afterwards), or {@code null} for a
 *     fresh temporary directory
 */
public record FaultBenchOptions(List<String> scenarios, Duration load, Path workDirectory) {

  /**
   * @throws InvalidInputException {@code UNKNOWN_SCENARIO} for a name not in {@link FaultBench#SCENARIOS},
   *     {@code INVALID_OPTION} for no scenario or a load that is not positive
   */
  public FaultBenchOptions {
    Objects.requireNonNull(scenarios, "scenarios");
    Objects.requireNonNull(load, "load");
    scenarios = List.copyOf(new LinkedHashSet<>(scenarios));
    for (String scenario : scenarios) {
      if (!FaultBench.SCENARIOS.contains(scenario)) {
        throw new InvalidInputException("UNKNOWN_SCENARIO", "no fault scenario '" + scenario + "'; known: "
            + String.join(", ", FaultBench.SCENARIOS));
      }
    }
    if (scenarios.isEmpty()) {
      throw new InvalidInputException("INVALID_OPTION", "name at least one scenario");
    }
    if (load.isZero() || load.isNegative()) {
      throw new InvalidInputException("INVALID_OPTION", "the load duration must be positive, got " + load);
    }
  }

  /** Every scenario, 10 s of load each, in a temporary directory. */
  public static FaultBenchOptions defaults() {
    return new FaultBenchOptions(FaultBench.SCENARIOS, Duration.ofSeconds(10), null);
  }

  public FaultBenchOptions withScenarios(List<String> names) {
    return new FaultBenchOptions(names, load, workDirectory);
  }

  public FaultBenchOptions withLoad(Duration duration) {
    return new FaultBenchOptions(scenarios, duration, workDirectory);
  }

  public FaultBenchOptions withWorkDirectory(Path directory) {
    return new FaultBenchOptions(scenarios, load, directory);
  }
}
