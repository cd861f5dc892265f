package dev.cairn.subject.conformance;

import dev.cairn.testkit.internal.ServiceResolver;
import java.nio.file.Path;
import java.util.UUID;

/** Both processes on one SQLite file under target/ (WAL, BEGIN IMMEDIATE, busy retries across processes). */
class SqliteCrossProcessTest extends CrossProcessIncrements {
  private static final Path FILE = ServiceResolver.defaultServicesDirectory().resolveSibling("cairn-sqlite")
      .resolve("subjects-cross-" + UUID.randomUUID() + ".db");

  @Override
  protected String storageUrl() {
    return "sqlite:" + FILE;
  }
}
