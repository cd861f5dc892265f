package dev.cairn.server.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.sql.migrate.GeneratedMigration;
import dev.cairn.sql.migrate.MigrationStatus;
import dev.cairn.sql.migrate.Migrations;
import dev.cairn.sql.registry.Databases;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry endpoints: {@code GET /api/v1/db/databases} and the migrations of one named database
 * ({@code ?db=name}; without it the server's own database when it was given its migrations, else
 * {@value Databases#FRAMEWORK}): status, generate, run and downgrade. Without a registry named databases answer 404
 * {@code DATABASE_NOT_FOUND}. Their database work runs in the admin lane of {@link DatabaseLanes}.
 */
public final class MigrationRoutes {
  private static final String MODULE = DbRoutes.MODULE;
  private final DatabaseResolver databases;
  private final DatabaseLanes lanes;

  public MigrationRoutes(DatabaseResolver databases, DatabaseLanes lanes) {
    this.databases = databases;
    this.lanes = lanes;
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/v1/db/databases", inModule(this::list));
    routes.get("/api/v1/db/migrations/status", inModule(this::status));
    routes.post("/api/v1/db/migrations/generate", inModule(this::generate));
    routes.post("/api/v1/db/migrations/run", inModule(this::run));
    routes.post("/api/v1/db/migrations/downgrade", inModule(this::downgrade));
  }

  private static Handler inModule(Handler handler) {
    return ErrorHandling.inModule(MODULE, handler);
  }

  private void list(Context ctx) {
    Databases registry = databases.registry();
    Map<String, Object> body = lanes.admin(ctx, () -> {
      Map<String, Object> list = new LinkedHashMap<>();
      list.put("success", true);
      list.put("databases", registry.list());
      Map<String, String> health = new LinkedHashMap<>();
      registry.health().forEach((name, state) -> health.put(name, state.up() ? "up" : "down"));
      list.put("health", health);
      return list;
    });
    Responses.ok(ctx, body);
  }

  private void status(Context ctx) {
    Migrations migrations = migrations(ctx);
    MigrationStatus status = lanes.admin(ctx, () -> Results.value(migrations.status(), MODULE));
    Responses.ok(ctx, Map.of("success", true, "status", status));
  }

  private void generate(Context ctx) {
    JsonNode body = RequestBodies.object(ctx, MODULE);
    JsonNode message = body.get("message");
    if (message == null || !message.isTextual()) {
      throw ApiError.badRequest("MESSAGE_REQUIRED", "the body needs \"message\" as a JSON string", MODULE);
    }
    boolean destructive = body.path("allow_destructive").asBoolean(false);
    Migrations migrations = migrations(ctx);
    GeneratedMigration generated =
        lanes.admin(ctx, () -> Results.value(migrations.generate(message.asText(), destructive), MODULE));
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("success", true);
    response.put("written", generated.written());
    response.put("version", generated.version());
    response.put("script", generated.script() == null ? null : generated.script().getFileName().toString());
    response.put("undo_script",
        generated.undoScript() == null ? null : generated.undoScript().getFileName().toString());
    response.put("changes", generated.changes());
    response.put("message", generated.message());
    Responses.json(ctx, generated.written() ? 201 : 200, response);
  }

  private void run(Context ctx) {
    String target = target(ctx, false);
    Migrations migrations = migrations(ctx);
    List<String> applied = lanes.admin(ctx, () -> Results.value(migrations.run(target), MODULE));
    Responses.ok(ctx, Map.of("success", true, "applied", applied));
  }

  private void downgrade(Context ctx) {
    String target = target(ctx, true);
    Migrations migrations = migrations(ctx);
    List<String> undone = lanes.admin(ctx, () -> Results.value(migrations.downgrade(target), MODULE));
    Responses.ok(ctx, Map.of("success", true, "undone", undone));
  }

  private Migrations migrations(Context ctx) {
    return databases.migrations(ctx);
  }

  // run takes an optional body ({} or none means latest); downgrade needs a target.
  private static String target(Context ctx, boolean required) {
    if (!required && ctx.bodyAsBytes().length == 0) {
      return null;
    }
    JsonNode target = RequestBodies.object(ctx, MODULE).get("target");
    if (target == null || target.isNull()) {
      if (required) {
        throw ApiError.badRequest("TARGET_REQUIRED", "the body needs \"target\", e.g. {\"target\": \"0\"}", MODULE);
      }
      return null;
    }
    if (!target.isTextual() && !target.isIntegralNumber()) {
      throw ApiError.badRequest("INVALID_TARGET", "\"target\" must be a version such as \"2\"", MODULE);
    }
    return target.asText();
  }
}
