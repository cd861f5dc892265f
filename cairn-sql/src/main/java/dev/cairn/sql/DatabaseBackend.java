package dev.cairn.sql;

import java.util.Set;

/**
 * The code that opens the databases of one URL scheme: Cairn's own (sqlite, postgresql, mysql, mariadb) and any a
 * jar adds. {@link Database#open(String)} picks the backend registered for the URL's scheme in
 * {@link DatabaseBackends}.
 *
 * <p>A jar adds a backend as a {@link java.util.ServiceLoader} service: it declares
 * {@code provides dev.cairn.sql.DatabaseBackend with my.H2Backend;} in its module-info, or names the class in
 * {@code META-INF/services/dev.cairn.sql.DatabaseBackend} on the class path. A backend reached through a JDBC
 * driver whose SQL follows one of Cairn's dialects extends {@link JdbcBackend} and so reuses Cairn's whole engine.
 * Implementations are thread-safe and have a public no-argument constructor.
 */
public interface DatabaseBackend {

  /**
   * The URL scheme this backend serves, lower case ({@code [a-z][a-z0-9-]*}, at most 32 characters): the part of
   * a URL before its first {@code :} ({@code h2} for {@code h2:mem:test}).
   */
  String name();

  /** Further schemes it serves ({@code postgres} and {@code pgsql} for {@code postgresql}); none by default. */
  default Set<String> aliases() {
    return Set.of();
  }

  /**
   * Opens the database {@code config} describes; {@code config.url().scheme()} is {@link #name()} or an alias.
   *
   * @throws dev.cairn.core.UnavailableException when the database cannot be reached; the message never shows a
   *     password
   */
  Database open(DatabaseConfig config);
}
