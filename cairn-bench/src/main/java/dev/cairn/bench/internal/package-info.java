/**
 * How the SQL workload is built: the phases, the two sides (Cairn and hand-written JDBC), the runner that
 * interleaves them and the printer. Not API: only {@link dev.cairn.bench.SqlBench} is.
 */
package dev.cairn.bench.internal;
