package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The {@code kv} commands on {@code memory:}, which is a new store in every run, and how they fail. */
class KvCommandsMemoryTest {
  private static final String WARNING = "cairn: warning: memory: is a new, empty store in this process";

  @Test
  void set_memory_writesAndWarnsThatItIsGoneAfterwards() {
    CliRun run = CliRun.of("kv", "set", "k", "v", "--kv", "memory:");

    assertThat(run.code()).isZero();
    assertThat(run.outLines()).containsExactly("OK");
    assertThat(run.errLines()).singleElement().asString().startsWith(WARNING);
  }

  @Test
  void get_memoryAfterSetInAnotherRun_notFoundBecauseTheStoreIsNew() {
    CliRun.of("kv", "set", "k", "v", "--kv", "memory:");

    CliRun run = CliRun.of("kv", "get", "k", "--kv", "memory:");

    assertThat(run.code()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(run.errLines()).hasSize(2).last().isEqualTo("cairn: no value at key 'k' [KEY_NOT_FOUND]");
  }

  @Test
  void keys_memory_empty() {
    CliRun run = CliRun.of("kv", "keys", "--kv", "memory:", "--json");

    assertThat(run.code()).isZero();
    assertThat(run.out()).isEqualTo("{\"success\":true,\"keys\":[],\"next\":null}" + System.lineSeparator());
  }

  @Test
  void del_memory_nothingDeleted() {
    CliRun run = CliRun.of("kv", "del", "a", "b", "--kv", "memory:");

    assertThat(run.code()).isZero();
    assertThat(run.outLines()).containsExactly("deleted 0");
  }

  @Test
  void set_emptyKey_invalidInputWithCode() {
    CliRun run = CliRun.of("kv", "set", "", "v", "--kv", "memory:");

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.errLines()).last().asString().endsWith("[EMPTY_KEY]");
  }

  @Test
  void get_sqlUrl_usageErrorWithPasswordMasked() {
    CliRun run = CliRun.of("kv", "get", "k", "--kv", "postgresql://app:hunter2@db/app");

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.errLines()).singleElement().asString()
        .contains("--kv needs a key-value URL", "postgresql://app:****@db").doesNotContain("hunter2");
  }

  @Test
  void get_unreachableRedis_failureOnOneLineWithoutPassword() {
    CliRun run = CliRun.of("kv", "get", "k", "--kv", "redis://app:hunter2@127.0.0.1:1");

    assertThat(run.code()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.errLines()).singleElement().asString().startsWith("cairn: ").endsWith("[KV_UNAVAILABLE]")
        .doesNotContain("hunter2");
  }

  @Test
  void get_rawAndJson_usageError() {
    CliRun run = CliRun.of("kv", "get", "k", "--raw", "--json", "--kv", "memory:");

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.errLines()).singleElement().asString().contains("--raw and --json cannot be combined");
  }

  @Test
  void keys_emptyPrefix_usageError() {
    CliRun run = CliRun.of("kv", "keys", "--prefix", "", "--kv", "memory:");

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.errLines()).singleElement().asString().startsWith("cairn: --prefix must not be empty");
  }

  @Test
  void get_maxLengthNegative_usageError() {
    CliRun run = CliRun.of("kv", "get", "k", "--max-length", "-1", "--kv", "memory:");

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.errLines()).singleElement().asString().startsWith("cairn: --max-length must be >= 0, was -1");
  }

  @Test
  void kv_noSubcommand_listsThem() {
    CliRun run = CliRun.of("kv");

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.errLines()).containsExactly(
        "cairn: missing command after 'cairn kv' (one of: get, set, del, keys) (see 'cairn kv --help')");
  }
}
