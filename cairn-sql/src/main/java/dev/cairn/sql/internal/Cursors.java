package dev.cairn.sql.internal;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.core.CairnException;
import dev.cairn.core.InvalidInputException;
import dev.cairn.core.Json;
import dev.cairn.sql.Cursor;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Keyset cursors: base64url of {@code {"s": <sort signature>, "v": [values]}}, where the values are the last
 * row's sort values and key, as JSON scalars. The signature binds a cursor to its table and sort order, so a
 * cursor from another query is refused instead of silently skipping rows. The token is not secret and not
 * signed: a hand-made one can only position a query the caller could have run anyway.
 */
final class Cursors {
  private static final ObjectReader STRICT =
      Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Cursors() {}

  static Cursor encode(String signature, List<Object> values) {
    String json = fastJson(signature, values);
    if (json == null) {
      json = jacksonJson(signature, values);
    }
    return Cursor.of(Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * The JSON Jackson writes for these values, written by hand: a cursor is encoded for every page that has a next
   * one, and the tree of {@link #jacksonJson} cost a keyset page a fifth of Cairn's time. Only for the values
   * whose text is plain (strings escaped by Jackson's own encoder); {@code null} for the others (doubles, whose
   * non-finite values Jackson writes its own way), which take the tree. The tokens are the same either way.
   */
  static String fastJson(String signature, List<Object> values) {
    StringBuilder json = new StringBuilder(32 + 24 * values.size()).append("{\"s\":");
    quoted(signature, json).append(",\"v\":[");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        json.append(',');
      }
      switch (values.get(i)) {
        case null -> json.append("null");
        case Long l -> json.append(l.longValue());
        case Boolean b -> json.append(b.booleanValue());
        case Double d -> {
          return null;
        }
        case byte[] bytes -> quoted(Base64.getEncoder().encodeToString(bytes), json);
        case BigDecimal d -> quoted(d.toPlainString(), json);
        default -> quoted(text(values.get(i)), json);
      }
    }
    return json.append("]}").toString();
  }

  private static StringBuilder quoted(String text, StringBuilder json) {
    json.append('"');
    JsonStringEncoder.getInstance().quoteAsString(text, json);
    return json.append('"');
  }

  static String jacksonJson(String signature, List<Object> values) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("s", signature);
    ArrayNode array = node.putArray("v");
    for (Object value : values) {
      switch (value) {
        case null -> array.addNull();
        case Long l -> array.add(l);
        case Double d -> array.add(d);
        case Boolean b -> array.add(b);
        case byte[] bytes -> array.add(Base64.getEncoder().encodeToString(bytes));
        case BigDecimal d -> array.add(d.toPlainString());
        default -> array.add(text(value));
      }
    }
    return Json.write(node);
  }

  /**
   * A value as cursor text: an instant in the fixed-width form ({@code 2024-01-02T03:04:05.000006Z}), which decodes
   * without a DateTimeFormatter (that parse was most of a keyset page's decoding); anything else as its string.
   */
  private static String text(Object value) {
    if (value instanceof java.time.Instant instant) {
      String fixed = FixedWidthTime.format(java.time.LocalDateTime.ofInstant(instant, java.time.ZoneOffset.UTC), true);
      if (fixed != null) {
        return fixed;
      }
    }
    return value.toString();
  }

  /**
   * The canonical values of a cursor made for {@code signature}, converted by {@code kinds}.
   *
   * @throws InvalidInputException {@code INVALID_CURSOR} for a malformed token or one from another query
   */
  static List<Object> decode(Cursor cursor, String signature, List<ValueKind> kinds, String table) {
    String json;
    try {
      // Only the canonical encoding is accepted, so appended or altered padding bits are refused too.
      if (!canonical(cursor.token())) {
        throw invalid(table, "is malformed", null);
      }
      json = new String(Base64.getUrlDecoder().decode(cursor.token()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid(table, "is malformed", e);
    }
    CursorText.Parsed plain = CursorText.parse(json);
    if (plain == null) {
      return decodeTree(json, signature, kinds, table);
    }
    if (!plain.signature().equals(signature)) {
      throw invalid(table, "belongs to another table or sort order", null);
    }
    if (plain.values().size() != kinds.size()) {
      throw invalid(table, "is malformed", null);
    }
    List<Object> decoded = new ArrayList<>(kinds.size());
    for (int i = 0; i < kinds.size(); i++) {
      try {
        decoded.add(kinds.get(i).coerce(plain.values().get(i), table, "cursor"));
      } catch (CairnException e) {
        throw invalid(table, "holds a value of the wrong type", e);
      }
    }
    return decoded;
  }

  /** {@link #decodeTree}, for tests comparing it with the plain reader. */
  static List<Object> decodeTreeForTest(String json, String signature, List<ValueKind> kinds, String table) {
    return decodeTree(json, signature, kinds, table);
  }

  /** {@link #decode} of a text not in the encoder's own form, by the full JSON parser. */
  private static List<Object> decodeTree(String json, String signature, List<ValueKind> kinds, String table) {
    JsonNode node;
    try {
      node = STRICT.readTree(json);
    } catch (IOException e) {
      throw invalid(table, "is malformed", e);
    }
    if (node == null || !node.isObject()) {
      throw invalid(table, "is malformed", null);
    }
    JsonNode values = node.get("v");
    if (!node.path("s").asText("").equals(signature)) {
      throw invalid(table, "belongs to another table or sort order", null);
    }
    if (values == null || !values.isArray() || values.size() != kinds.size()) {
      throw invalid(table, "is malformed", null);
    }
    List<Object> decoded = new ArrayList<>(kinds.size());
    for (int i = 0; i < kinds.size(); i++) {
      JsonNode value = values.get(i);
      try {
        Object raw = value.isNull() ? null : value.isIntegralNumber() ? (Object) value.asLong()
            : value.isNumber() ? (Object) value.asDouble() : value.isBoolean() ? (Object) value.asBoolean()
            : value.asText();
        decoded.add(kinds.get(i).coerce(raw, table, "cursor"));
      } catch (CairnException e) {
        throw invalid(table, "holds a value of the wrong type", e);
      }
    }
    return decoded;
  }

  /**
   * Whether the token is the one the encoder writes for its bytes (what re-encoding the decoded bytes and comparing
   * would tell, without the copy): no padding, and the bits of the last character that hold no byte are zero.
   * Characters outside the alphabet are left to the decoder, which refuses them.
   */
  static boolean canonical(String token) {
    if (token.indexOf('=') >= 0) {
      return false;
    }
    int spare = switch (token.length() % 4) {
      case 0 -> 0;
      case 2 -> 4;
      case 3 -> 2;
      default -> -1;
    };
    if (spare <= 0) {
      return spare == 0;
    }
    int value = ALPHABET.indexOf(token.charAt(token.length() - 1));
    return value >= 0 && (value & ((1 << spare) - 1)) == 0;
  }

  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  private static InvalidInputException invalid(String table, String problem, Throwable cause) {
    return new InvalidInputException("INVALID_CURSOR", "cursor for table " + table + " " + problem,
        java.util.Map.of("table", table), cause);
  }
}
