package dev.cairn.server.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.Json;
import dev.cairn.subject.Change;
import dev.cairn.subject.StoredSubject;
import dev.cairn.subject.Subjects;
import dev.cairn.subject.Write;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code /api/v1/subjects} endpoints: read a subject whole ({@code {"name", "properties",
 * "ext_properties"}}), set or delete one property ({@code ?ext=true}: an extended one), delete the whole
 * subject. Writes go straight to
 * the storage ({@link Write#DIRECT}), so another service reading the same storage sees them at once, and
 * listeners of this server's {@link Subjects} are told. Writes take an {@code Idempotency-Key}
 * ({@link IdempotentWrites}).
 */
public final class SubjectRoutes {
  static final String MODULE = "cairn.subject";
  private final Subjects subjects;
  private final IdempotentWrites idempotent;

  public SubjectRoutes(Subjects subjects, IdempotentWrites idempotent) {
    this.subjects = subjects;
    this.idempotent = idempotent;
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/v1/subjects/{name}", inModule(this::get));
    routes.put("/api/v1/subjects/{name}/{property}", idempotent.wrap(inModule(this::set)));
    routes.delete("/api/v1/subjects/{name}/{property}", idempotent.wrap(inModule(this::delete)));
    routes.delete("/api/v1/subjects/{name}", idempotent.wrap(inModule(this::deleteSubject)));
  }

  private static Handler inModule(Handler handler) {
    return ErrorHandling.inModule(MODULE, handler);
  }

  private void get(Context ctx) {
    String name = ctx.pathParam("name");
    StoredSubject stored = subjects.storage().load(name);
    if (stored.properties().isEmpty() && stored.extended().isEmpty()) {
      throw new ApiError(404, "SUBJECT_NOT_FOUND", "subject '" + name + "' has no properties", MODULE,
          Map.of("subject", name));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("properties", stored.properties());
    body.put("ext_properties", stored.extended());
    Responses.ok(ctx, body);
  }

  private void set(Context ctx) {
    JsonNode body = RequestBodies.object(ctx, MODULE);
    if (!body.has("value")) {
      throw ApiError.badRequest("INVALID_VALUE", "the body needs \"value\" (any JSON value)", MODULE);
    }
    Object value = Json.mapper().convertValue(body.get("value"), Object.class);
    String property = ctx.pathParam("property");
    Change change = isExtended(ctx)
        ? subjects.get(ctx.pathParam("name")).setExt(property, value, Write.DIRECT)
        : subjects.get(ctx.pathParam("name")).set(property, value, Write.DIRECT);
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("success", true);
    response.put("value", change.value());
    response.put("previous", change.previous());
    Responses.ok(ctx, response);
  }

  private void delete(Context ctx) {
    String property = ctx.pathParam("property");
    Object previous = isExtended(ctx)
        ? subjects.get(ctx.pathParam("name")).deleteExt(property, Write.DIRECT)
        : subjects.get(ctx.pathParam("name")).delete(property, Write.DIRECT);
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("success", true);
    response.put("previous", previous);
    Responses.ok(ctx, response);
  }

  /** Deletes the whole subject (KRules' flush): listeners get its events; the answer holds what it held. */
  private void deleteSubject(Context ctx) {
    String name = ctx.pathParam("name");
    StoredSubject deleted = subjects.get(name, Write.DIRECT).flush();
    if (deleted.isEmpty()) {
      throw new ApiError(404, "SUBJECT_NOT_FOUND", "subject '" + name + "' has no properties", MODULE,
          Map.of("subject", name));
    }
    Map<String, Object> held = new LinkedHashMap<>();
    held.put("properties", deleted.properties());
    held.put("ext_properties", deleted.extended());
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("success", true);
    response.put("deleted", held);
    Responses.ok(ctx, response);
  }

  private static boolean isExtended(Context ctx) {
    String ext = ctx.queryParam("ext");
    return switch (ext == null ? "" : ext) {
      case "", "false", "0" -> false;
      case "true", "1" -> true;
      default -> throw ApiError.badRequest("INVALID_PARAMETER", "ext must be true or false", MODULE);
    };
  }
}
