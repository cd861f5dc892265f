package dev.cairn.server.http.internal;

import dev.cairn.sql.Database;
import dev.cairn.sql.migrate.Migrations;
import dev.cairn.sql.registry.Databases;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the database a {@code /api/v1/db} request addresses: the server's default one, or the named database of
 * the registry given as {@code ?db=name}. Without a registry only the default exists and any name is 404
 * {@code DATABASE_NOT_FOUND}.
 */
public final class DatabaseResolver {
  private final Database defaultDatabase;
  private final Optional<Databases> registry;
  private final Optional<Migrations> defaultMigrations;

  public DatabaseResolver(Database defaultDatabase, Optional<Databases> registry,
      Optional<Migrations> defaultMigrations) {
    this.defaultDatabase = defaultDatabase;
    this.registry = registry;
    this.defaultMigrations = defaultMigrations;
  }

  /**
   * The migrations a request addresses: those of {@code ?db=name} in the registry, else those of the default
   * database when the server has them, else the registry's framework database.
   */
  Migrations migrations(Context ctx) {
    String name = ctx.queryParam("db");
    if ((name == null || name.isEmpty()) && defaultMigrations.isPresent()) {
      return defaultMigrations.get();
    }
    String database = name == null || name.isEmpty() ? Databases.FRAMEWORK : name;
    return Results.value(registry().migrations(database), DbRoutes.MODULE);
  }

  Database resolve(Context ctx) {
    String name = ctx.queryParam("db");
    if (name == null || name.isEmpty()) {
      return defaultDatabase;
    }
    return Results.value(registry().get(name), DbRoutes.MODULE);
  }

  Database defaultDatabase() {
    return defaultDatabase;
  }

  /** The registry, or 404 {@code REGISTRY_NOT_CONFIGURED}. */
  Databases registry() {
    return registry.orElseThrow(() -> new ApiError(404, "DATABASE_NOT_FOUND",
        "this server serves one database; named databases need the registry (cairn serve --named-databases)",
        DbRoutes.MODULE, Map.of()));
  }
}
