package dev.cairn.server.http.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.Json;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads request bodies as flat JSON objects. The size limit is enforced before this runs (see {@link Guards}); here
 * the shape is checked: malformed JSON is 400 {@code INVALID_JSON}, anything but an object 400
 * {@code BODY_NOT_OBJECT}, and a nested object or array as a value 400 {@code INVALID_VALUE}.
 */
final class RequestBodies {
  private RequestBodies() {}

  /** The body's fields with JSON scalars as Java values (text, numbers, booleans, null). */
  static Map<String, Object> flatObject(Context ctx, String module) {
    JsonNode root = object(ctx, module);
    Map<String, Object> fields = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : root.properties()) {
      JsonNode value = field.getValue();
      if (value.isContainerNode()) {
        throw ApiError.badRequest("INVALID_VALUE", "field '" + field.getKey() + "' must be a JSON scalar", module);
      }
      fields.put(field.getKey(), Json.mapper().convertValue(value, Object.class));
    }
    return fields;
  }

  /** The body as a JSON object node. */
  static JsonNode object(Context ctx, String module) {
    byte[] body = ctx.bodyAsBytes();
    if (body.length == 0) {
      throw ApiError.badRequest("EMPTY_BODY", "the request needs a JSON object body", module);
    }
    JsonNode root;
    try {
      root = Json.mapper().readTree(body);
    } catch (JsonProcessingException e) {
      // The location, not the parser's message: that would echo the caller's text back.
      throw ApiError.badRequest("INVALID_JSON", "the body is not valid JSON (line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr() + ")", module);
    } catch (java.io.IOException e) {
      throw ApiError.badRequest("INVALID_JSON", "the body could not be read as JSON", module);
    }
    if (root == null || !root.isObject()) {
      throw ApiError.badRequest("BODY_NOT_OBJECT", "the body must be a JSON object", module);
    }
    return root;
  }
}
