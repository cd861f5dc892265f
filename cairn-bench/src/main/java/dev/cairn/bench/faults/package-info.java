/**
 * The fault suite of {@code cairn bench faults}: scenarios that kill, pause, restart and saturate what Cairn runs on
 * and count what the clients were told against what is stored. {@link dev.cairn.bench.faults.FaultBench} is the
 * entry point, {@link dev.cairn.bench.faults.FaultReport} what each scenario measures.
 */
package dev.cairn.bench.faults;
