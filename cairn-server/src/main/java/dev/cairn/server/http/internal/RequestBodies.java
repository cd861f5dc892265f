package dev.cairn.server.http.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.core.Json;
import dev.cairn.core.Unicode;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads request bodies as JSON objects. The size limit is enforced before this runs (see {@link Guards}), which also
 * bounds every string and number in the body; here the parser is bounded further and the shape is checked:
 *
 * <ul>
 *   <li>malformed JSON is 400 {@code INVALID_JSON};
 *   <li>nesting past {@value #MAX_NESTING_DEPTH} levels is 400 {@code JSON_TOO_DEEP}, a number or name past
 *       {@value #MAX_TOKEN_LENGTH} characters 400 {@code JSON_TOO_LARGE}, found while parsing, so a hostile body
 *       costs no more than its size;
 *   <li>a lone UTF-16 surrogate escape ({@code "\ud800"}) in any name or text is 400 {@code INVALID_UNICODE}:
 *       no storage could keep it (see {@link Unicode});
 *   <li>anything but an object is 400 {@code BODY_NOT_OBJECT}. A nested object or array in {@link #fields} is
 *       passed on as {@code Map}/{@code List}: JSON and array columns take it, any other column refuses it with 400
 *       {@code INVALID_VALUE} naming the column.
 * </ul>
 */
final class RequestBodies {
  static final int MAX_NESTING_DEPTH = 64;
  static final int MAX_TOKEN_LENGTH = 1000;
  private static final ObjectMapper MAPPER = Json.mapper().copyWith(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_NESTING_DEPTH)
          .maxNumberLength(MAX_TOKEN_LENGTH)
          .maxNameLength(MAX_TOKEN_LENGTH)
          .build())
      .build());

  private RequestBodies() {}

  /**
   * The body's fields as Java values: text, numbers, booleans, null, and nested objects and arrays as {@code Map}
   * and {@code List} (for JSON and array columns; the column decides whether it takes them).
   */
  static Map<String, Object> fields(Context ctx, String module) {
    JsonNode root = object(ctx, module);
    Map<String, Object> fields = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : root.properties()) {
      fields.put(field.getKey(), MAPPER.convertValue(field.getValue(), Object.class));
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
      root = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      if (Json.limitCode(e) != null) {
        throw ApiError.badRequest(Json.limitCode(e), "the body is past a limit of this server (nesting at most "
            + MAX_NESTING_DEPTH + " deep, numbers and names at most " + MAX_TOKEN_LENGTH + " characters)", module);
      }
      // Jackson refuses a lone surrogate escape in a field name itself (in a value it is checked below).
      if (String.valueOf(e.getOriginalMessage()).contains("surrogate")) {
        throw ApiError.badRequest(Unicode.INVALID_UNICODE, "a field name in the body has a lone UTF-16 surrogate,"
            + " which no storage can keep; send whole surrogate pairs" + where(e.getLocation()), module);
      }
      // The location, not the parser's message: that would echo the caller's text back.
      throw ApiError.badRequest("INVALID_JSON", "the body is not valid JSON" + where(e.getLocation()), module);
    } catch (java.io.IOException e) {
      throw ApiError.badRequest("INVALID_JSON", "the body could not be read as JSON", module);
    }
    if (root == null || !root.isObject()) {
      throw ApiError.badRequest("BODY_NOT_OBJECT", "the body must be a JSON object", module);
    }
    requireWellFormedText(root, "the body", module);
    return root;
  }

  private static String where(JsonLocation location) {
    return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  // Recursion is bounded by MAX_NESTING_DEPTH, which the parser enforced.
  private static void requireWellFormedText(JsonNode node, String path, String module) {
    if (node.isTextual()) {
      requireWellFormed(node.textValue(), path, module);
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        requireWellFormed(field.getKey(), "a field name in " + path, module);
        requireWellFormedText(field.getValue(), path.equals("the body") ? "field '" + field.getKey() + "'" : path,
            module);
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        requireWellFormedText(element, path, module);
      }
    }
  }

  private static void requireWellFormed(String text, String what, String module) {
    int index = Unicode.loneSurrogateIndex(text);
    if (index >= 0) {
      throw ApiError.badRequest(Unicode.INVALID_UNICODE, what + " has a lone UTF-16 surrogate (\\u"
          + Integer.toHexString(text.charAt(index)) + "), which no storage can keep; send whole surrogate pairs",
          module);
    }
  }
}
