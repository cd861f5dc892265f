package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreDefaultsTest {

  @Test
  void databaseUrl_nothingSet_sqliteUnderData() {
    assertThat(new StoreDefaults(Map.of()).databaseUrl()).isEqualTo("sqlite:" + Path.of("data", "cairn.db"));
  }

  @Test
  void databaseUrl_dataDirSet_sqliteUnderIt() {
    assertThat(new StoreDefaults(Map.of("CAIRN_DATA_DIR", "/srv/cairn")).databaseUrl())
        .isEqualTo("sqlite:" + Path.of("/srv/cairn", "cairn.db"));
  }

  @Test
  void databaseUrl_cairnVariableWinsOverGeneric() {
    StoreDefaults defaults = new StoreDefaults(Map.of(
        "CAIRN_DATABASE_URL", "postgresql://a@h/db", "DATABASE_URL", "mysql://b@h/db", "CAIRN_DATA_DIR", "/x"));

    assertThat(defaults.databaseUrl()).isEqualTo("postgresql://a@h/db");
  }

  @Test
  void databaseUrl_blankCairnVariable_fallsBackToGeneric() {
    StoreDefaults defaults = new StoreDefaults(Map.of("CAIRN_DATABASE_URL", "  ", "DATABASE_URL", "mysql://b@h/db"));

    assertThat(defaults.databaseUrl()).isEqualTo("mysql://b@h/db");
  }

  @Test
  void keyValueUrl_nothingSet_memory() {
    assertThat(new StoreDefaults(Map.of()).keyValueUrl()).isEqualTo("memory:");
  }

  @Test
  void keyValueUrl_redisUrlSet_used() {
    assertThat(new StoreDefaults(Map.of("REDIS_URL", "redis://h:6379")).keyValueUrl()).isEqualTo("redis://h:6379");
    assertThat(new StoreDefaults(Map.of("REDIS_URL", "redis://h:6379", "CAIRN_KV_URL", "redis://c:6379"))
        .keyValueUrl()).isEqualTo("redis://c:6379");
  }
}
