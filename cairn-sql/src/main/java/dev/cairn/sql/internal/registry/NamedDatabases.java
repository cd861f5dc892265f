package dev.cairn.sql.internal.registry;

import dev.cairn.core.CairnException;
import dev.cairn.core.Result;
import dev.cairn.core.Status;
import dev.cairn.core.UnavailableException;
import dev.cairn.sql.Database;
import dev.cairn.sql.Health;
import dev.cairn.sql.internal.migrate.FlywayMigrations;
import dev.cairn.sql.internal.migrate.MigrationTarget;
import dev.cairn.sql.migrate.Migrations;
import dev.cairn.sql.registry.Databases;
import dev.cairn.sql.registry.DatabasesConfig;
import dev.cairn.sql.registry.TableIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The {@link Databases} registry: a fixed map of opened databases, built once in {@link #open}. Not API. */
public final class NamedDatabases implements Databases {
  private final DatabasesConfig config;
  private final Map<String, Database> databases;
  private final Map<String, List<Class<? extends Record>>> tables;
  private final PhysicalLayout layout;

  private NamedDatabases(DatabasesConfig config, Map<String, Database> databases,
      Map<String, List<Class<? extends Record>>> tables, PhysicalLayout layout) {
    this.config = config;
    this.databases = databases;
    this.tables = tables;
    this.layout = layout;
  }

  /** See {@link Databases#open}. */
  public static NamedDatabases open(DatabasesConfig config) {
    Map<String, List<Class<? extends Record>>> tables = new TreeMap<>(config.tables() != null ? config.tables()
        : TableIndex.load(NamedDatabases.class.getClassLoader()));
    tables.putIfAbsent(FRAMEWORK, List.of());
    PhysicalLayout layout = new PhysicalLayout(config);
    Map<String, Database> opened = new LinkedHashMap<>();
    try {
      for (var entry : tables.entrySet()) {
        String name = DatabasesConfig.checkName(entry.getKey());
        layout.create(name);
        Database database = Database.open(PhysicalLayout.config(layout.url(name), 4));
        opened.put(name, database);
        if (config.createTables()) {
          for (Class<? extends Record> type : entry.getValue()) {
            database.table(type).create().orElseThrow();
          }
        }
      }
    } catch (RuntimeException e) {
      opened.values().forEach(Database::close);
      if (e instanceof CairnException cairn) {
        throw cairn;
      }
      throw new UnavailableException("DATABASE_UNAVAILABLE", "cannot open the databases on " + config.url() + ": "
          + e.getMessage(), Map.of("url", config.url().toString()), e);
    }
    return new NamedDatabases(config, opened, tables, layout);
  }

  @Override
  public List<String> list() {
    return List.copyOf(databases.keySet());
  }

  @Override
  public Result<Database> get(String name) {
    Database database = databases.get(name);
    if (database == null) {
      return Result.failure(Status.NOT_FOUND, "DATABASE_NOT_FOUND", "no database named '" + name + "' (known: "
          + String.join(", ", databases.keySet()) + ")", Map.of("database", String.valueOf(name),
          "available", list()));
    }
    return Result.ok(database);
  }

  @Override
  public List<Class<? extends Record>> tables(String name) {
    return tables.getOrDefault(name, List.of());
  }

  @Override
  public Result<Migrations> migrations(String name) {
    return get(name).map(database -> new FlywayMigrations(new MigrationTarget(name, database, layout.url(name),
        PhysicalLayout.jdbcUrl(layout.url(name)), layout.isSqlite() ? null : layout.physicalName(name),
        tables(name), config.migrationsDir())));
  }

  @Override
  public Map<String, Health> health() {
    Map<String, Health> health = new LinkedHashMap<>();
    databases.forEach((name, database) -> health.put(name, database.health()));
    return health;
  }

  @Override
  public void close() {
    List<RuntimeException> failures = new ArrayList<>();
    for (Database database : databases.values()) {
      try {
        database.close();
      } catch (RuntimeException e) {
        failures.add(e);
      }
    }
    if (!failures.isEmpty()) {
      RuntimeException first = failures.getFirst();
      failures.stream().skip(1).forEach(first::addSuppressed);
      throw first;
    }
  }
}
