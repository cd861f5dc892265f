package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 10's first acceptance test: {@code cairn serve} over a user's own SQLite file, PostgreSQL database and
 * MariaDB database, each made by its own command-line client, browsed over HTTP (status, tables, schema, rows and
 * the migration status), leaves nothing behind: no new database, schema, table, file or folder, and the SQLite file
 * keeps its journal mode and its bytes. The servers are the ones the PREAMBLE names (127.0.0.1, postgres / root
 * without password); each test uses a database of its own, dropped afterwards.
 */
class ServeCreatesNothingTest {
  private static final Pattern URL = Pattern.compile("listening on (http://\\S+)");
  private static final List<String> BROWSE = List.of("/api/v1/db/status", "/api/v1/db/tables",
      "/api/v1/db/tables/shop", "/api/v1/db/tables/shop/schema", "/api/v1/db/tables/shop/rows/1",
      "/api/v1/db/migrations/status", "/api/v1/db/is-ready", "/health");

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Terminal terminal = new Terminal(
      new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

  @TempDir
  Path directory;

  @Test
  void sqliteFileMadeBySqlite3_browsed_sameFilesSameBytesSameJournalMode() throws Exception {
    Path file = directory.resolve("shop.db");
    sh("sqlite3", file.toString(), "CREATE TABLE shop (id INTEGER PRIMARY KEY, name TEXT NOT NULL);"
        + " INSERT INTO shop (name) VALUES ('anvil'), ('rope');");
    List<String> filesBefore = files(directory);
    byte[] bytesBefore = Files.readAllBytes(file);
    assertThat(sh("sqlite3", file.toString(), "PRAGMA journal_mode;")).isEqualTo("delete");

    List<String> bodies = browse("sqlite:" + file);

    assertThat(bodies.get(2)).contains("anvil", "rope");
    assertThat(bodies.get(5)).contains("\"current\":null");
    assertThat(files(directory)).isEqualTo(filesBefore);
    assertThat(Files.readAllBytes(file)).isEqualTo(bytesBefore);
    assertThat(sh("sqlite3", file.toString(), "PRAGMA journal_mode;")).isEqualTo("delete");
  }

  @Test
  void sqliteFileMadeBySqlite3_dbCommands_sameFilesSameBytesSameJournalMode() throws Exception {
    Path file = directory.resolve("shop.db");
    sh("sqlite3", file.toString(), "CREATE TABLE shop (id INTEGER PRIMARY KEY, name TEXT NOT NULL);"
        + " INSERT INTO shop (name) VALUES ('anvil');");
    List<String> filesBefore = files(directory);
    byte[] bytesBefore = Files.readAllBytes(file);

    for (List<String> command : List.of(List.of("db", "status"), List.of("db", "tables"),
        List.of("db", "schema", "shop"), List.of("db", "rows", "shop"), List.of("migrate", "status"))) {
      List<String> args = new ArrayList<>(command);
      args.addAll(List.of("--db", "sqlite:" + file));
      CliRun run = CliRun.of(args.toArray(String[]::new));
      assertThat(run.code()).as(command + ": " + run.err()).isZero();
    }

    assertThat(files(directory)).isEqualTo(filesBefore);
    assertThat(Files.readAllBytes(file)).isEqualTo(bytesBefore);
    assertThat(sh("sqlite3", file.toString(), "PRAGMA journal_mode;")).isEqualTo("delete");
  }

  @Test
  void sqliteMissingFile_refusedLikeDbStatus_nothingCreated_createMakesIt() throws Exception {
    Path typo = directory.resolve("typo").resolve("shpo.db");

    int code = runToExit(new ServeCommand(Map.of()), "serve", "--port", "0", "--db", "sqlite:" + typo);

    assertThat(code).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).singleElement().asString()
        .contains("no SQLite database at " + typo, "--create").endsWith("[DATABASE_NOT_FOUND]");
    assertThat(directory.resolve("typo")).doesNotExist();
    assertThat(CliRun.of("db", "status", "--db", "sqlite:" + typo).err()).contains("DATABASE_NOT_FOUND");

    List<String> bodies = browse(List.of("/api/v1/db/status"), "sqlite:" + typo, "--create");
    assertThat(bodies.getFirst()).contains("\"status\":\"connected\"");
    assertThat(typo).exists();
  }

  @Test
  void postgresDatabaseMadeByCreatedb_browsed_noNewDatabaseSchemaOrTable() throws Exception {
    String name = "cairn_fh_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    sh("createdb", "-h", "127.0.0.1", "-U", "postgres", name);
    try {
      psql(name, "CREATE TABLE shop (id serial PRIMARY KEY, name text NOT NULL);"
          + " INSERT INTO shop (name) VALUES ('anvil'), ('rope');");
      String databases = psql("postgres", "SELECT datname FROM pg_database ORDER BY 1");
      String schemas = psql(name, "SELECT nspname FROM pg_namespace ORDER BY 1");
      String tables = psql(name, "SELECT schemaname || '.' || tablename FROM pg_tables ORDER BY 1");
      List<String> filesBefore = files(directory);

      List<String> bodies = browse("postgresql://postgres@127.0.0.1:5432/" + name);

      assertThat(bodies.get(2)).contains("anvil", "rope");
      assertThat(created(databases, psql("postgres", "SELECT datname FROM pg_database ORDER BY 1"), name))
          .isEmpty();
      assertThat(psql(name, "SELECT nspname FROM pg_namespace ORDER BY 1")).isEqualTo(schemas)
          .doesNotContain("framework");
      assertThat(psql(name, "SELECT schemaname || '.' || tablename FROM pg_tables ORDER BY 1")).isEqualTo(tables);
      assertThat(files(directory)).isEqualTo(filesBefore);
    } finally {
      sh("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-qAtc",
          "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }

  @Test
  void mariadbDatabaseMadeByMysql_browsed_noNewDatabaseOrTable() throws Exception {
    String name = "cairn_fh_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    mysql("CREATE DATABASE " + name);
    try {
      mysql("CREATE TABLE " + name + ".shop (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(40) NOT NULL);"
          + " INSERT INTO " + name + ".shop (name) VALUES ('anvil'), ('rope');");
      String databases = mysql("SHOW DATABASES");
      String tablesQuery = "SELECT table_name FROM information_schema.tables WHERE table_schema = '" + name
          + "' ORDER BY 1";
      String tables = mysql(tablesQuery);
      List<String> filesBefore = files(directory);

      List<String> bodies = browse("mariadb://root@127.0.0.1:3306/" + name);

      assertThat(bodies.get(2)).contains("anvil", "rope");
      assertThat(created(databases, mysql("SHOW DATABASES"), name)).isEmpty();
      assertThat(mysql(tablesQuery)).isEqualTo(tables);
      assertThat(files(directory)).isEqualTo(filesBefore);
    } finally {
      mysql("DROP DATABASE IF EXISTS " + name);
    }
  }

  /** Serves {@code url} through the CLI entry point, GETs every {@link #BROWSE} path, stops; the bodies in order. */
  private List<String> browse(String url) throws Exception {
    return browse(BROWSE, url);
  }

  private List<String> browse(List<String> paths, String url, String... extra) throws Exception {
    ServeCommand serve = new ServeCommand(Map.of());
    List<String> args = new ArrayList<>(List.of("serve", "--port", "0", "--db", url,
        "--migrations-dir", directory.resolve("no-scripts").toString()));
    args.addAll(List.of(extra));
    List<String> bodies = new ArrayList<>();
    try (ExecutorService thread = Executors.newSingleThreadExecutor()) {
      Future<Integer> exit = thread.submit(() -> run(serve, args.toArray(String[]::new)));
      String base = awaitUrl();
      try (HttpClient client = HttpClient.newHttpClient()) {
        for (String path : paths) {
          HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
              HttpResponse.BodyHandlers.ofString());
          assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
          bodies.add(response.body());
        }
      } finally {
        serve.stop();
      }
      assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
    }
    return bodies;
  }

  private int runToExit(ServeCommand serve, String... args) throws Exception {
    try (ExecutorService thread = Executors.newSingleThreadExecutor()) {
      Future<Integer> exit = thread.submit(() -> run(serve, args));
      try {
        return exit.get(30, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        serve.stop();
        throw new AssertionError("serve started instead of refusing: " + out.toString(StandardCharsets.UTF_8));
      }
    }
  }

  private int run(ServeCommand serve, String... args) {
    CommandLine.IFactory factory = new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        return type == ServeCommand.class ? type.cast(serve) : CommandLine.defaultFactory().create(type);
      }
    };
    return CairnCli.configure(new CommandLine(new CairnCommand(terminal), factory), terminal).execute(args);
  }

  private String awaitUrl() throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      Matcher matcher = URL.matcher(out.toString(StandardCharsets.UTF_8));
      if (matcher.find()) {
        String url = matcher.group(1);
        out.reset();
        return url;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("serve printed no URL; stderr: " + err.toString(StandardCharsets.UTF_8));
  }

  /**
   * The databases in {@code after} (one name a line) that were not in {@code before} and that serve could have made:
   * the registry's {@code framework} and anything named after this test's database.
   * Other names are left out: other test classes share the server and create and drop their own meanwhile.
   */
  private static List<String> created(String before, String after, String name) {
    List<String> existing = before.lines().toList();
    return after.lines().filter(database -> !existing.contains(database))
        .filter(database -> database.equals("framework") || database.contains(name)).toList();
  }

  /** Every file and folder under {@code root}, relative and sorted. */
  private static List<String> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.map(path -> root.relativize(path).toString()).sorted().toList();
    }
  }

  private static String psql(String database, String sql) throws Exception {
    return sh("psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-qAtc", sql);
  }

  private static String mysql(String sql) throws Exception {
    return sh("mysql", "-h", "127.0.0.1", "-P", "3306", "-u", "root", "-N", "-B", "-e", sql);
  }

  /** Runs a command-line client; its standard output, stripped; fails the test when it fails. */
  private static String sh(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
    return output;
  }
}
