package dev.cairn.sql.registry;

import dev.cairn.core.InvalidInputException;
import dev.cairn.core.StoreUrl;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What {@link Databases#open(DatabasesConfig)} needs. Immutable; validated when built; use the withers.
 *
 * @param url the server ({@code postgresql://...} or {@code mariadb://...}: each named database becomes a schema
 *     of the URL's database, or a database of the server), or any {@code sqlite:} URL, in which case each named
 *     database is the file {@code {dataDir}/{name}.db}
 * @param dataDir where SQLite files go; ignored for servers
 * @param prefix put before every physical schema / database / file name, so that tests or tenants sharing a
 *     server do not collide; empty for none
 * @param tables the record types of each database; {@code null} reads the compile-time index
 *     ({@link TableIndex#load(ClassLoader)}) through this class's loader
 * @param createTables whether opening creates missing tables from the records ({@code Table.create()}); turn it
 *     off when migrations own the schema
 * @param migrationsDir a directory holding {@code {name}/V{n}__{slug}.sql}; {@code null} for the class path
 *     location {@code db/migration/{name}} (where {@code generate} cannot write)
 */
public record DatabasesConfig(StoreUrl url, Path dataDir, String prefix,
    Map<String, List<Class<? extends Record>>> tables, boolean createTables, Path migrationsDir) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");
  private static final Pattern PREFIX = Pattern.compile("([a-z][a-z0-9_]{0,29})?");

  public DatabasesConfig {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(prefix, "prefix");
    if (!url.kind().isSql() || url.kind() == StoreUrl.Kind.PLUGGED_SQL) {
      // Named databases make a file, schema or database per name, which only the built-in backends know how to do.
      throw new InvalidInputException("NOT_A_DATABASE_URL",
          url + " is not a SQL database URL (expected sqlite:, postgresql://, mysql:// or mariadb://)");
    }
    if (url.isSqliteMemory()) {
      // Flyway connects on its own: it could never see a private in-memory database.
      throw new InvalidInputException("SQLITE_MEMORY_UNSUPPORTED",
          "named databases need files on SQLite; use sqlite:DIR instead of " + url);
    }
    if (!PREFIX.matcher(prefix).matches()) {
      throw new InvalidInputException("INVALID_DATABASE_NAME",
          "database prefix '" + prefix + "' must be lower-case letters, digits and '_', starting with a letter");
    }
    if (tables != null) {
      Map<String, List<Class<? extends Record>>> copy = new LinkedHashMap<>();
      tables.forEach((name, types) -> copy.put(checkName(name), List.copyOf(types)));
      tables = java.util.Collections.unmodifiableMap(copy);
    }
  }

  /**
   * Defaults for a URL: no prefix, tables from the index, created on open, migrations from the class path. For
   * SQLite the data directory is the URL's path ({@code sqlite:data} -> {@code data/{name}.db}), or the directory of
   * a file URL ({@code sqlite:data/app.db} -> {@code data/{name}.db}); for servers it is unused ({@code ./data}).
   *
   * @throws InvalidInputException for a malformed or non-SQL URL, {@code SQLITE_MEMORY_UNSUPPORTED} for
   *     {@code sqlite::memory:}
   */
  public static DatabasesConfig of(String url) {
    StoreUrl parsed = StoreUrl.parse(url);
    Path dataDir = Path.of("data");
    if (parsed.kind() == StoreUrl.Kind.SQLITE && !parsed.isSqliteMemory() && !parsed.path().isBlank()) {
      Path path = Path.of(parsed.path());
      Path parent = path.getParent() == null ? Path.of(".") : path.getParent();
      dataDir = path.getFileName().toString().endsWith(".db") ? parent : path;
    }
    return new DatabasesConfig(parsed, dataDir, "", null, true, null);
  }

  public DatabasesConfig withDataDir(Path dir) {
    return new DatabasesConfig(url, dir, prefix, tables, createTables, migrationsDir);
  }

  public DatabasesConfig withPrefix(String newPrefix) {
    return new DatabasesConfig(url, dataDir, newPrefix, tables, createTables, migrationsDir);
  }

  public DatabasesConfig withTables(Map<String, List<Class<? extends Record>>> newTables) {
    return new DatabasesConfig(url, dataDir, prefix, newTables, createTables, migrationsDir);
  }

  public DatabasesConfig withCreateTables(boolean create) {
    return new DatabasesConfig(url, dataDir, prefix, tables, create, migrationsDir);
  }

  public DatabasesConfig withMigrationsDir(Path dir) {
    return new DatabasesConfig(url, dataDir, prefix, tables, createTables, dir);
  }

  /**
   * Returns {@code name} when it is a valid database name.
   *
   * @throws InvalidInputException {@code INVALID_DATABASE_NAME} otherwise
   */
  public static String checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidInputException("INVALID_DATABASE_NAME", "database name '" + name
          + "' must be 1-40 lower-case letters, digits and '_', starting with a letter");
    }
    return name;
  }
}
