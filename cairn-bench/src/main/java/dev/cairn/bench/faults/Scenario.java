package dev.cairn.bench.faults;

import java.nio.file.Path;
import java.time.Duration;

/** One fault scenario: runs a load, injects its fault, and counts what the clients were told against what is stored. */
interface Scenario {

  /** The name in {@code fault.<name>} and in {@code --scenario}. */
  String name();

  /**
   * Runs once. Every loop is bounded in count and in time; every process started is gone when this returns.
   *
   * @param load how long the load runs (the fault hits in its middle); a scenario may stretch it a little to see
   *     its fault happen
   * @param directory an empty directory of the scenario's own, for files, logs and private servers
   */
  FaultReport run(Duration load, Path directory) throws Exception;
}
