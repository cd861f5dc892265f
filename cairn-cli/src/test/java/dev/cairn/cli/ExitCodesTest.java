package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.sql.Database;
import dev.cairn.vector.CollectionSpec;
import dev.cairn.vector.Metric;
import dev.cairn.vector.VectorStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exit code table of the README, one command line per row: 0 ok, 1 not found, 2 usage or invalid input, 3 failure
 * while running, 4 conflict. Each row also names a fragment of what the command printed (standard error for
 * failures), so a row cannot pass for the wrong reason. {@code DB}, {@code MISSING} and {@code VECTORS} stand for
 * a SQLite file holding the table {@code notes}, a SQLite file that does not exist, and an embedded vector store
 * holding the collection {@code docs}.
 */
class ExitCodesTest {
  // Nothing listens on port 1 of loopback: a connection is refused at once.
  private static final String DOWN_POSTGRES = "postgresql://127.0.0.1:1/app";
  private static final String DOWN_REDIS = "redis://127.0.0.1:1";

  @TempDir
  static Path dir;

  @BeforeAll
  static void createStores() {
    try (Database db = Database.open("sqlite:" + dir.resolve("app.db"))) {
      db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)").orElseThrow();
    }
    try (VectorStore store = VectorStore.open("vector:" + dir.resolve("vectors"))) {
      store.create(CollectionSpec.of("docs", 2, Metric.COSINE)).orElseThrow();
    }
  }

  static Stream<Arguments> commandLines() {
    return Stream.of(
        row(0, "notes", "db", "tables", "--db", "DB"),
        row(0, "--prefix=P", "serve", "--help"),
        // 1: the thing asked for does not exist
        row(1, "[TABLE_NOT_FOUND]", "db", "rows", "nosuch", "--db", "DB"),
        row(1, "[TABLE_NOT_FOUND]", "db", "schema", "nosuch", "--db", "DB"),
        row(1, "[DATABASE_NOT_FOUND]", "db", "status", "--db", "MISSING"),
        row(1, "[DATABASE_NOT_FOUND]", "migrate", "status", "--db", "MISSING"),
        row(1, "[KEY_NOT_FOUND]", "kv", "get", "missing", "--kv", "memory:"),
        row(1, "[SUBJECT_NOT_FOUND]", "subject", "get", "nobody", "--kv", "memory:"),
        row(1, "[COLLECTION_NOT_FOUND]", "vector", "search", "nosuch", "[1,0]", "--vectors", "VECTORS"),
        // 2: usage or invalid input
        row(2, "Unknown option: '--bogus'", "db", "rows", "notes", "--bogus", "--db", "DB"),
        row(2, "unknown command 'nosuch'", "nosuch"),
        row(2, "[INVALID_CURSOR]", "db", "rows", "notes", "--cursor", "bm90LWEtY3Vyc29y", "--db", "DB"),
        row(2, "--page-size must be", "db", "rows", "notes", "--page-size", "0", "--db", "DB"),
        row(2, "--page-size must be", "db", "rows", "notes", "--page-size", "100000", "--db", "DB"),
        row(2, "--limit must be", "kv", "keys", "--limit", "100000", "--kv", "memory:"),
        // a hostile name is looked up in the live schema: a table is not found (1), a column refused (2)
        row(1, "[TABLE_NOT_FOUND]", "db", "rows", "notes\"; DROP TABLE notes; --", "--db", "DB"),
        row(2, "[COLUMN_NOT_FOUND]", "db", "rows", "notes", "--sort", "id\"; DROP TABLE notes; --", "--db", "DB"),
        row(2, "[COLUMN_NOT_FOUND]", "db", "rows", "notes", "--filter", "nosuch=eq.1", "--db", "DB"),
        row(2, "[WRONG_DIMENSION]", "vector", "search", "docs", "[1,0,0]", "--vectors", "VECTORS"),
        row(2, "--connect-timeout", "kv", "get", "k", "--connect-timeout", "soon", "--kv", "memory:"),
        // 3: failure while running
        row(3, "127.0.0.1:1", "db", "status", "--connect-timeout", "1s", "--db", DOWN_POSTGRES),
        row(3, "127.0.0.1:1", "migrate", "status", "--connect-timeout", "1s", "--db", DOWN_POSTGRES),
        row(3, "cairn: ", "serve", "--port", "0", "--connect-timeout", "1s", "--db", DOWN_POSTGRES, "--kv", "memory:"),
        row(3, "cairn: ", "kv", "get", "k", "--connect-timeout", "1s", "--kv", DOWN_REDIS),
        row(3, "cairn: ", "kv", "keys", "--connect-timeout", "1s", "--prefix", "p:", "--kv", DOWN_REDIS),
        row(3, "cairn: ", "subject", "get", "s", "--connect-timeout", "1s", "--prefix", "p:", "--kv", DOWN_REDIS),
        row(3, "cairn: ", "vector", "collections", "--connect-timeout", "1s", "--vectors", DOWN_POSTGRES),
        // 4: conflict
        row(4, "[COLLECTION_EXISTS]", "vector", "collections", "--create", "docs", "--dimension", "2", "--vectors",
            "VECTORS"));
  }

  private static Arguments row(int code, String fragment, String... args) {
    return Arguments.of(String.join(" ", args), code, fragment, args);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("commandLines")
  void commandLine_exitsWithItsCodeAndSaysWhy(String shown, int code, String fragment, String[] args) {
    CliRun run = CliRun.of(Stream.of(args).map(ExitCodesTest::resolve).toArray(String[]::new));

    assertThat(run.code()).as(shown + "\nout: " + run.out() + "\nerr: " + run.err()).isEqualTo(code);
    assertThat(code == 0 ? run.out() : run.err()).contains(fragment);
    if (code != 0) {
      assertThat(run.err().lines().filter(line -> line.startsWith("cairn: ") && !line.contains("warning:")))
          .as("one error line").hasSize(1);
      assertThat(run.err()).doesNotContain("\tat ");
    }
    assertThat(Files.exists(dir.resolve("missing.db"))).as("nothing created for MISSING").isFalse();
  }

  private static String resolve(String arg) {
    return switch (arg) {
      case "DB" -> "sqlite:" + dir.resolve("app.db");
      case "MISSING" -> "sqlite:" + dir.resolve("missing.db");
      case "VECTORS" -> "vector:" + dir.resolve("vectors");
      default -> arg;
    };
  }
}
