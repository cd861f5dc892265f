package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the {@code db} commands fail before they reach any table: bad URLs, unreachable servers, bad usage. */
class DbCommandsErrorsTest {

  @Test
  void status_unreachableServer_failureOnOneLineWithoutPassword() {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    CliRun run = CliRun.of("db", "status", "--connect-timeout", "1s", "--db",
        "postgresql://app:hunter2@127.0.0.1:1/app");

    assertThat(run.code()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.errLines()).singleElement().asString().startsWith("cairn: ").contains("127.0.0.1:1")
        .doesNotContain("hunter2").doesNotContain("\tat ");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void status_unreachableServerVerbose_addsStackTraceStillWithoutPassword() {
    CliRun run = CliRun.of("db", "status", "--verbose", "--connect-timeout", "1s", "--db",
        "postgresql://app:hunter2@127.0.0.1:1/app");

    assertThat(run.code()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.err()).contains("\tat ").doesNotContain("hunter2");
  }

  @Test
  void tables_keyValueUrl_usageErrorWithPasswordMasked() {
    CliRun run = CliRun.of("db", "tables", "--db", "redis://app:hunter2@localhost:6379");

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.errLines()).singleElement().asString()
        .startsWith("cairn: --db: ").contains("redis://app:****@localhost:6379").doesNotContain("hunter2");
  }

  @Test
  void tables_unknownScheme_usageError() {
    CliRun run = CliRun.of("db", "tables", "--db", "oracle://app:hunter2@db/x");

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.errLines()).singleElement().asString()
        .contains("no database backend is registered for scheme 'oracle'").doesNotContain("hunter2");
  }

  @Test
  void db_noSubcommand_listsThem() {
    CliRun run = CliRun.of("db");

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.errLines()).containsExactly(
        "cairn: missing command after 'cairn db' (one of: status, tables, schema, rows) (see 'cairn db --help')");
  }

  @Test
  void rowsHelp_explainsFilterOperatorsAndDefaults() {
    CliRun run = CliRun.of("db", "rows", "--help");

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("Usage: cairn db rows", "--filter=COL=OP.VALUE", "--sort=COL[:desc]",
        "--page-size=N", "(default: 20)", "--cursor=C", "in.(a,b)", "is.null", "--db=URL", "--json");
  }

  @Test
  void schema_noTable_usageError() {
    CliRun run = CliRun.of("db", "schema", "--db", "sqlite::memory:");

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.errLines()).singleElement().asString().contains("TABLE");
  }

  @Test
  void rows_malformedFilterBeforeConnecting_usageError() {
    // The filter is read before the database is opened, so the unreachable server is never tried.
    CliRun run = CliRun.of("db", "rows", "t", "--filter", "age", "--db", "postgresql://127.0.0.1:1/app");

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.errLines()).containsExactly(
        "cairn: filter 'age': expected column=operator.value, e.g. age=gte.18 [INVALID_FILTER]");
  }
}
