package dev.cairn.subject.conformance;

import dev.cairn.testkit.TestSupport;
import java.nio.file.Path;
import java.util.UUID;

/** Both processes on one SQLite file under target/ (WAL, BEGIN IMMEDIATE, busy retries across processes). */
class SqliteCrossProcessTest extends CrossProcessIncrements {
  private static final Path FILE = TestSupport.buildDirectory("cairn-sqlite")
      .resolve("subjects-cross-" + UUID.randomUUID() + ".db");

  /**
   * Exactness under contention is the point here, not latency: sixteen writers in two processes queue for one
   * write lock, which on a loaded machine can take longer than the default 5 s operation timeout.
   */
  @Override
  protected String storageUrl() {
    return "sqlite:" + FILE + "?operationTimeout=60s";
  }
}
