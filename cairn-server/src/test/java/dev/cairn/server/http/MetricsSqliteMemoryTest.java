package dev.cairn.server.http;

import dev.cairn.kv.KeyValue;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@code /metrics} over a SQLite file (writer and reader pools) and the memory store. */
class MetricsSqliteMemoryTest extends MetricsConformance {
  @TempDir
  Path dir;

  @Override
  String databaseUrl() {
    return "sqlite:" + dir.resolve("metrics.db");
  }

  @Override
  KeyValue openStore() {
    return KeyValue.open("memory:");
  }
}
