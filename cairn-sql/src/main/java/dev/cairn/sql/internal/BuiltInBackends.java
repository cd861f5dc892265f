package dev.cairn.sql.internal;

import dev.cairn.sql.Database;
import dev.cairn.sql.DatabaseBackend;
import dev.cairn.sql.DatabaseConfig;
import java.util.Set;

/**
 * Cairn's own backends, registered as {@link DatabaseBackend} services like any a jar adds (module-info's
 * {@code provides} and {@code META-INF/services}), so {@link dev.cairn.sql.DatabaseBackends#unregister} can take
 * one away and {@code list()} shows them. Not API.
 */
public final class BuiltInBackends {
  private BuiltInBackends() {}

  /** {@code sqlite:} files and {@code sqlite::memory:}. */
  public static final class Sqlite implements DatabaseBackend {
    @Override
    public String name() {
      return "sqlite";
    }

    @Override
    public Database open(DatabaseConfig config) {
      return DatabaseOpener.open(config);
    }
  }

  /** {@code postgresql://} (also {@code postgres://} and {@code pgsql://}). */
  public static final class Postgresql implements DatabaseBackend {
    @Override
    public String name() {
      return "postgresql";
    }

    @Override
    public Set<String> aliases() {
      return Set.of("postgres", "pgsql");
    }

    @Override
    public Database open(DatabaseConfig config) {
      return DatabaseOpener.open(config);
    }
  }

  /** {@code mariadb://}, through the MariaDB driver. */
  public static final class Mariadb implements DatabaseBackend {
    @Override
    public String name() {
      return "mariadb";
    }

    @Override
    public Database open(DatabaseConfig config) {
      return DatabaseOpener.open(config);
    }
  }

  /** {@code mysql://}, through the MariaDB driver (which speaks to MySQL too). */
  public static final class Mysql implements DatabaseBackend {
    @Override
    public String name() {
      return "mysql";
    }

    @Override
    public Database open(DatabaseConfig config) {
      return DatabaseOpener.open(config);
    }
  }
}
