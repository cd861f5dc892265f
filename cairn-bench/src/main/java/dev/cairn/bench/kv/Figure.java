package dev.cairn.bench.kv;

/**
 * One peer's result in a phase: its best rate, and the heap it allocated per operation (the least over the timed
 * rounds, so a round still warming the JIT does not count), {@code null} where the JVM cannot tell.
 *
 * @param opsPerSecond operations per second
 * @param allocatedBytesPerOp bytes allocated on the heap per operation by all threads of the process while the
 *     operation ran (the workers and any I/O threads working for them), or {@code null}
 */
record Figure(double opsPerSecond, Double allocatedBytesPerOp) {

  /** The figure per command when one operation is {@code commands} commands (a batch, a pipeline). */
  Figure perCommand(int commands) {
    return new Figure(opsPerSecond * commands,
        allocatedBytesPerOp == null ? null : allocatedBytesPerOp / commands);
  }
}
