package dev.cairn.sql.internal;

import dev.cairn.sql.Database;
import dev.cairn.sql.DatabaseBackend;
import dev.cairn.sql.DatabaseConfig;
import java.util.Set;

/**
 * Cairn's own backends, registered as {@link DatabaseBackend} services like any a jar adds (module-info's
 * {@code provides} and {@code META-INF/services}), so {@link dev.cairn.sql.DatabaseBackends#unregister} can take
 * one away and {@code list()} shows them. They differ only in their scheme names: each opens through
 * {@link DatabaseOpener}. One public class with a public no-arg constructor each, as the service loader needs.
 * Not API.
 */
public final class BuiltInBackends {
  private BuiltInBackends() {}

  /** {@code sqlite:} files and {@code sqlite::memory:}. */
  public static final class Sqlite extends Named {
    public Sqlite() {
      super("sqlite");
    }
  }

  /** {@code postgresql://} (also {@code postgres://} and {@code pgsql://}). */
  public static final class Postgresql extends Named {
    public Postgresql() {
      super("postgresql", "postgres", "pgsql");
    }
  }

  /** {@code mariadb://}, through the MariaDB driver. */
  public static final class Mariadb extends Named {
    public Mariadb() {
      super("mariadb");
    }
  }

  /** {@code mysql://}, through the MariaDB driver (which speaks to MySQL too). */
  public static final class Mysql extends Named {
    public Mysql() {
      super("mysql");
    }
  }

  /** A built-in backend: its scheme and aliases; opening is {@link DatabaseOpener}'s for every one. */
  abstract static class Named implements DatabaseBackend {
    private final String name;
    private final Set<String> aliases;

    Named(String name, String... aliases) {
      this.name = name;
      this.aliases = Set.of(aliases);
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Set<String> aliases() {
      return aliases;
    }

    @Override
    public Database open(DatabaseConfig config) {
      return DatabaseOpener.open(config);
    }
  }
}
