package dev.cairn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.StoreEnvironment.Mode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreEnvironmentTest {

  @Test
  void databaseUrl_nothingSet_sqliteUnderData() {
    assertThat(StoreEnvironment.of(Map.of()).databaseUrl()).isEqualTo("sqlite:" + Path.of("data", "cairn.db"));
  }

  @Test
  void databaseUrl_dataDirSet_sqliteUnderIt() {
    assertThat(StoreEnvironment.of(Map.of("CAIRN_DATA_DIR", "/srv/cairn")).databaseUrl())
        .isEqualTo("sqlite:" + Path.of("/srv/cairn", "cairn.db"));
  }

  @Test
  void databaseUrl_cairnVariableWinsOverGeneric() {
    StoreEnvironment environment = StoreEnvironment.of(Map.of(
        "CAIRN_DATABASE_URL", "postgresql://a@h/db", "DATABASE_URL", "mysql://b@h/db", "CAIRN_DATA_DIR", "/x"));

    assertThat(environment.databaseUrl()).isEqualTo("postgresql://a@h/db");
  }

  @Test
  void databaseUrl_blankCairnVariable_fallsBackToGeneric() {
    StoreEnvironment environment =
        StoreEnvironment.of(Map.of("CAIRN_DATABASE_URL", "  ", "DATABASE_URL", " mysql://b@h/db "));

    assertThat(environment.databaseUrl()).isEqualTo("mysql://b@h/db");
    assertThat(environment.configuredDatabaseUrl()).contains("mysql://b@h/db");
  }

  @Test
  void databaseUrl_withDataDir_overridesTheVariable() {
    StoreEnvironment environment = StoreEnvironment.of(Map.of("CAIRN_DATA_DIR", "/x")).withDataDir(Path.of("/y"));

    assertThat(environment.dataDir()).isEqualTo(Path.of("/y"));
    assertThat(environment.databaseUrl()).isEqualTo("sqlite:" + Path.of("/y", "cairn.db"));
    assertThat(environment.configuredDatabaseUrl()).isEmpty();
  }

  @Test
  void keyValueUrl_nothingSet_memory() {
    assertThat(StoreEnvironment.of(Map.of()).keyValueUrl()).isEqualTo("memory:");
  }

  @Test
  void keyValueUrl_redisUrlSet_used() {
    assertThat(StoreEnvironment.of(Map.of("REDIS_URL", "redis://h:6379")).keyValueUrl()).isEqualTo("redis://h:6379");
    assertThat(StoreEnvironment.of(Map.of("REDIS_URL", "redis://h:6379", "CAIRN_KV_URL", "redis://c:6379"))
        .keyValueUrl()).isEqualTo("redis://c:6379");
  }

  @Test
  void keyValueUrl_singleNode_memoryEvenWithUrl() {
    StoreEnvironment environment = StoreEnvironment.of(Map.of("CAIRN_MODE", "single-node", "REDIS_URL", "redis://h"));

    assertThat(environment.keyValueUrl()).isEqualTo("memory:");
    assertThat(environment.configuredKeyValueUrl()).contains("redis://h");
  }

  @Test
  void keyValueUrl_distributed_kvUrlBeforeRedisUrl() {
    StoreEnvironment environment = StoreEnvironment.of(Map.of(
        "CAIRN_MODE", " Distributed ", "CAIRN_KV_URL", "redis://shared:6379", "REDIS_URL", "redis://other:6379"));

    assertThat(environment.mode()).contains(Mode.DISTRIBUTED);
    assertThat(environment.keyValueUrl()).isEqualTo("redis://shared:6379");
  }

  @Test
  void keyValueUrl_distributedWithoutUrl_failsKvUrlMissing() {
    StoreEnvironment environment = StoreEnvironment.of(Map.of("CAIRN_MODE", "distributed", "CAIRN_KV_URL", " "));

    assertThatThrownBy(environment::keyValueUrl)
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("KV_URL_MISSING"))
        .hasMessage("CAIRN_MODE=distributed needs a Redis URL in CAIRN_KV_URL or REDIS_URL");
  }

  @Test
  void keyValueUrl_distributedWithMemoryUrl_failsNotDistributed() {
    StoreEnvironment environment = StoreEnvironment.of(Map.of("CAIRN_MODE", "distributed", "REDIS_URL", "memory:"));

    assertThatThrownBy(environment::keyValueUrl)
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("NOT_DISTRIBUTED"));
  }

  @Test
  void mode_unknown_failsInvalidModeOnlyWhereTheModeCounts() {
    StoreEnvironment environment = StoreEnvironment.of(Map.of("CAIRN_MODE", "cluster"));

    assertThatThrownBy(environment::keyValueUrl)
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("INVALID_MODE"))
        .hasMessage("CAIRN_MODE is 'cluster'; expected single-node or distributed");
    assertThat(environment.databaseUrl()).startsWith("sqlite:");
  }

  @Test
  void mode_unset_empty() {
    assertThat(StoreEnvironment.of(Map.of("CAIRN_MODE", "")).mode()).isEmpty();
  }

  @Test
  void toString_namesVariablesWithoutValues() {
    StoreEnvironment environment =
        StoreEnvironment.of(Map.of("CAIRN_KV_URL", "redis://u:hunter2@h", "HOME", "/root"));

    assertThat(environment).hasToString("StoreEnvironment[CAIRN_KV_URL]");
  }
}
