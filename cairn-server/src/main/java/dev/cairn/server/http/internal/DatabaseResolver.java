package dev.cairn.server.http.internal;

import dev.cairn.sql.Database;
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

  public DatabaseResolver(Database defaultDatabase, Optional<Databases> registry) {
    this.defaultDatabase = defaultDatabase;
    this.registry = registry;
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
        "this server serves one database; named databases need the registry (cairn serve opens it)",
        DbRoutes.MODULE, Map.of()));
  }
}
