package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The {@code subject} commands on {@code memory:} (a new, empty store every run) and their usage errors. */
class SubjectCommandsMemoryTest {

  @Test
  void set_memory_newPropertyAndWarning() {
    CliRun run = CliRun.of("subject", "set", "user-1", "age", "36", "--kv", "memory:");

    assertThat(run.code()).isZero();
    assertThat(run.out()).isEqualTo("{\"success\":true,\"subject\":\"user-1\",\"property\":\"age\",\"value\":36,\"previous\":null,"
        + "\"existed\":false}" + System.lineSeparator());
    assertThat(run.errLines()).singleElement().asString().startsWith("cairn: warning: memory: is a new, empty store");
  }

  @Test
  void get_memory_notFound() {
    CliRun run = CliRun.of("subject", "get", "user-1", "--kv", "memory:");

    assertThat(run.code()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(run.errLines()).last().asString().endsWith("[SUBJECT_NOT_FOUND]");
  }

  @Test
  void get_emptyName_invalidWithCode() {
    CliRun run = CliRun.of("subject", "get", "", "--kv", "memory:");

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.errLines()).last().asString().endsWith("[INVALID_SUBJECT_NAME]");
  }

  @Test
  void get_sqlUrl_usageErrorWithPasswordMasked() {
    CliRun run = CliRun.of("subject", "get", "user-1", "--kv", "postgresql://app:hunter2@db/app");

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.errLines()).singleElement().asString().contains("--kv needs a key-value URL")
        .doesNotContain("hunter2");
  }

  @Test
  void set_missingValue_usageError() {
    CliRun run = CliRun.of("subject", "set", "user-1", "age", "--kv", "memory:");

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.errLines()).singleElement().asString().contains("VALUE");
  }

  @Test
  void subject_noSubcommand_listsThem() {
    CliRun run = CliRun.of("subject");

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.errLines()).containsExactly(
        "cairn: missing command after 'cairn subject' (one of: get, set, del) (see 'cairn subject --help')");
  }
}
