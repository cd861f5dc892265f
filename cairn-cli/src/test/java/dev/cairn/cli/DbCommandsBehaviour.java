package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.sql.Database;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@code cairn db} command does on any database; subclasses say which database ({@link #url()}). Each
 * test starts from one {@code people} table with four rows.
 */
abstract class DbCommandsBehaviour {

  /** The URL of an existing, empty database for this test class. */
  abstract String url();

  @BeforeEach
  void createPeople() {
    try (Database db = Database.open(url())) {
      db.execute("DROP TABLE IF EXISTS people").orElseThrow();
      db.execute("CREATE TABLE people (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(200) NOT NULL, age INT, "
          + "note VARCHAR(500))").orElseThrow();
      db.execute("CREATE INDEX people_age ON people (age)").orElseThrow();
      db.execute("INSERT INTO people (id, name, age, note) VALUES (?, ?, ?, ?), (?, ?, ?, ?), (?, ?, ?, ?), "
              + "(?, ?, ?, ?)",
          1, "Ada", 36, "x".repeat(300), 2, "Grace", 45, null, 3, "Line\nbreak\u001b[31m", 7, null,
          4, "Alan", 41, "plain").orElseThrow();
    }
  }

  @AfterEach
  void dropPeople() {
    try (Database db = Database.open(url())) {
      db.execute("DROP TABLE IF EXISTS people").orElseThrow();
    }
  }

  private CliRun cairn(String... args) {
    String[] withDb = new String[args.length + 2];
    System.arraycopy(args, 0, withDb, 0, args.length);
    withDb[args.length] = "--db";
    withDb[args.length + 1] = url();
    return CliRun.of(withDb);
  }

  @Test
  void status_reachableDatabase_connectedWithTables() {
    CliRun run = cairn("db", "status");

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("status:          connected", "tables:          1 (people)");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void status_json_namesAsTheHttpApi() {
    CliRun run = cairn("db", "status", "--json");

    assertThat(run.code()).isZero();
    JsonNode status = run.json();
    assertThat(status.get("status").asText()).isEqualTo("connected");
    assertThat(status.get("table_count").asInt()).isEqualTo(1);
    assertThat(status.get("tables").toString()).isEqualTo("[\"people\"]");
    assertThat(status.has("engine") && status.has("latency_ms") && status.has("server_version")).isTrue();
  }

  @Test
  void tables_listsTableWithCounts() {
    CliRun run = cairn("db", "tables");

    assertThat(run.code()).isZero();
    assertThat(run.outLines().get(0)).startsWith("table").contains("columns", "rows");
    assertThat(run.outLines().get(2)).matches("people\\s+4\\s+4\\b.*");
  }

  @Test
  void schema_table_columnsKeyAndIndex() {
    CliRun run = cairn("db", "schema", "people");

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("table people (4 rows").containsPattern("(?m)^id\\s+\\S+\\s+no\\s+.*PK$")
        .containsPattern("(?m)^name\\s+\\S+\\s+no\\b").containsPattern("(?m)^people_age\\s+age\\s+no$");
  }

  @Test
  void schema_json_describesColumns() {
    CliRun run = cairn("db", "schema", "people", "--json");

    assertThat(run.code()).isZero();
    assertThat(run.json().get("primary_key").get(0).asText()).isEqualTo("id");
    assertThat(run.json().get("columns")).hasSize(4);
  }

  @Test
  void schema_unknownTable_notFoundOnOneLine() {
    CliRun run = cairn("db", "schema", "nobody");

    assertThat(run.code()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(run.errLines()).singleElement().asString().startsWith("cairn: ").endsWith("[TABLE_NOT_FOUND]");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void rows_noOptions_allRowsInKeyOrderAligned() {
    CliRun run = cairn("db", "rows", "people");

    assertThat(run.code()).isZero();
    List<String> lines = run.outLines();
    assertThat(lines.get(0)).matches("id\\s+name\\s+age\\s+note");
    assertThat(lines.subList(2, 6)).extracting(line -> line.strip().split("\\s+")[0])
        .containsExactly("1", "2", "3", "4");
    assertThat(lines.get(6)).isEqualTo("(4 of 4 rows, page 1 of 1)");
    // Every row starts its name column where the header does: the table is aligned.
    int nameColumn = lines.get(0).indexOf("name");
    assertThat(lines.subList(2, 6)).allSatisfy(line -> assertThat(line.charAt(nameColumn - 1)).isEqualTo(' '));
    assertThat(lines.get(2).substring(nameColumn)).startsWith("Ada ");
  }

  @Test
  void rows_controlCharactersAndLongText_escapedAndCut() {
    CliRun run = cairn("db", "rows", "people");

    assertThat(run.out()).contains("Line\\nbreak\\u001b[31m").doesNotContain("\u001b")
        .contains("x".repeat(DisplayValue.CELL_LIMIT) + "... [" + (300 - DisplayValue.CELL_LIMIT) + " more chars]")
        .doesNotContain("x".repeat(DisplayValue.CELL_LIMIT + 1));
  }

  @Test
  void rows_filterSortAndPage_selectsTheRightRows() {
    CliRun run = cairn("db", "rows", "people", "--filter", "age=gte.36", "--filter", "name=like.A*",
        "--sort", "age:desc", "--page-size", "1", "--page", "2");

    assertThat(run.code()).isZero();
    assertThat(run.outLines().get(2).strip()).startsWith("1").contains("Ada");
    assertThat(run.outLines()).hasSize(4).last().isEqualTo("(1 of 2 rows, page 2 of 2)");
  }

  @Test
  void rows_inAndIsNull_json() {
    CliRun run = cairn("db", "rows", "people", "--filter", "id=in.(2,3,4)", "--filter", "note=is.null", "--json");

    assertThat(run.code()).isZero();
    JsonNode page = run.json();
    assertThat(page.get("table").asText()).isEqualTo("people");
    assertThat(page.get("total_records").asInt()).isEqualTo(2);
    assertThat(page.get("page").asInt()).isEqualTo(1);
    assertThat(page.get("records").findValuesAsText("name")).containsExactly("Grace", "Line\nbreak\u001b[31m");
  }

  @Test
  void rows_negatedFilter_excludesMatches() {
    CliRun run = cairn("db", "rows", "people", "--filter", "name=not.eq.Ada", "--json");

    assertThat(run.code()).isZero();
    assertThat(run.json().get("total_records").asInt()).isEqualTo(3);
  }

  @Test
  void rows_unknownOperator_usageErrorWithCode() {
    CliRun run = cairn("db", "rows", "people", "--filter", "age=approx.3");

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.errLines()).singleElement().asString()
        .contains("unknown operator 'approx'").endsWith("[UNKNOWN_OPERATOR]");
  }

  @Test
  void rows_unknownFilterColumn_usageErrorListingColumns() {
    CliRun run = cairn("db", "rows", "people", "--filter", "salary=gt.1");

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.errLines()).singleElement().asString().contains("salary").endsWith("[COLUMN_NOT_FOUND]");
  }

  @Test
  void rows_sqlInSortColumn_refusedAndTableUnchanged() {
    CliRun run = cairn("db", "rows", "people", "--sort", "age; DROP TABLE people");

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.errLines()).singleElement().asString().endsWith("[COLUMN_NOT_FOUND]");
    assertThat(cairn("db", "rows", "people").outLines()).last().isEqualTo("(4 of 4 rows, page 1 of 1)");
  }

  @Test
  void rows_badSortDirection_usageError() {
    CliRun run = cairn("db", "rows", "people", "--sort", "age:sideways");

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.errLines()).singleElement().asString().contains("--sort takes COLUMN");
  }

  @Test
  void rows_pageSizeAboveMaximum_usageErrorWithCode() {
    CliRun run = cairn("db", "rows", "people", "--page-size", "1000000");

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.errLines()).singleElement().asString().endsWith("[PAGE_SIZE_TOO_LARGE]");
  }

  @Test
  void rows_pageZero_usageError() {
    CliRun run = cairn("db", "rows", "people", "--page", "0");

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.errLines()).singleElement().asString().startsWith("cairn: --page must be >= 1, was 0");
  }

  @Test
  void rows_unknownTable_notFoundListingTables() {
    CliRun run = cairn("db", "rows", "people; --");

    assertThat(run.code()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(run.errLines()).singleElement().asString().contains("people").endsWith("[TABLE_NOT_FOUND]");
  }
}
