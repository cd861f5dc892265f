package dev.cairn.server.http.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import dev.cairn.core.Json;
import dev.cairn.core.Unicode;
import dev.cairn.sql.Page;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.temporal.Temporal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The answer of {@code GET /api/v1/db/tables/{table}} (a page of rows), streamed by a JSON generator into one
 * buffer and written to the response in one write. The API's hottest read path, so it skips the general route of
 * {@link Responses#ok}: that turns the body into a tree first ({@link Json#writeAnswer}: every row a map of nodes),
 * writes the tree into a String, and Javalin copies the String's bytes through a buffer of its own.
 *
 * <p>The bytes are the same as the general route's: the keys in the same order, the common cell values (text,
 * integers, doubles, booleans, null) written as Jackson writes their tree nodes, and other scalars handed to
 * {@link Json#writeAnswerValue}, which goes through the same tree. A page this writer cannot vouch for (a nested
 * value, a lone surrogate) or that fails is answered by the general route, exactly as before.
 *
 * <p>The generator's buffers come from a shared pool: Jackson's default pool is per thread, and each request runs
 * on a fresh virtual thread, so it would allocate them anew for every request.
 */
final class PageAnswer {
  // Combined surrogates: a character outside the BMP as its 4 UTF-8 bytes, as the String route encodes it, not as
  // the two escapes of its UTF-16 halves that Jackson's UTF-8 generator writes by default.
  private static final JsonFactory JSON = JsonFactory.builder()
      .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
      .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
      .build();
  // A page of 50 short rows is about 4 KB; larger pages grow the buffer as needed.
  private static final int INITIAL_BYTES = 8192;

  private PageAnswer() {}

  /** Answers 200 with the page of {@code table}. */
  static void write(Context ctx, String table, Page<Map<String, Object>> page) {
    Bytes body = render(table, page);
    if (body == null) {
      Responses.ok(ctx, asMap(table, page));
      return;
    }
    ctx.status(200).contentType(Responses.JSON);
    try {
      ctx.outputStream().write(body.array(), 0, body.size());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the answer", e);
    }
  }

  /** The body as the general route builds it, for the rare value the generator refuses. */
  static Map<String, Object> asMap(String table, Page<Map<String, Object>> page) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", true);
    body.put("table", table);
    body.put("page", page.page());
    body.put("page_size", page.pageSize());
    body.put("total_records", page.total().isPresent() ? page.total().getAsLong() : null);
    body.put("records", page.items());
    body.put("next", page.next().map(Object::toString).orElse(null));
    return body;
  }

  /** The answer's UTF-8 bytes, or null when the generator failed on a value (the general route then answers). */
  static Bytes render(String table, Page<Map<String, Object>> page) {
    Bytes body = new Bytes(INITIAL_BYTES);
    try (JsonGenerator json = JSON.createGenerator(body)) {
      json.writeStartObject();
      json.writeBooleanField("success", true);
      json.writeFieldName("table");
      text(json, table);
      json.writeNumberField("page", page.page());
      json.writeNumberField("page_size", page.pageSize());
      json.writeFieldName("total_records");
      if (page.total().isPresent()) {
        json.writeNumber(page.total().getAsLong());
      } else {
        json.writeNull();
      }
      json.writeArrayFieldStart("records");
      for (Map<String, Object> row : page.items()) {
        json.writeStartObject();
        for (Map.Entry<String, Object> cell : row.entrySet()) {
          requireWhole(cell.getKey());
          json.writeFieldName(cell.getKey());
          value(json, cell.getValue());
        }
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeFieldName("next");
      if (page.next().isPresent()) {
        text(json, page.next().get().toString());
      } else {
        json.writeNull();
      }
      json.writeEndObject();
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return body;
  }

  // As the tree writes them: TextNode, IntNode, LongNode, DoubleNode, BooleanNode, NullNode each make the one call
  // below; other scalars (BigDecimal, bytes, times, UUIDs) go through the tree itself. Nested values (JSON and array
  // columns) are left to the general route: their strings could hold a lone surrogate (see text).
  private static void value(JsonGenerator json, Object value) throws IOException {
    switch (value) {
      case null -> json.writeNull();
      case String text -> text(json, text);
      case Long number -> json.writeNumber(number.longValue());
      case Integer number -> json.writeNumber(number.intValue());
      case Double number -> json.writeNumber(number.doubleValue());
      case Boolean flag -> json.writeBoolean(flag);
      case Number number -> Json.writeAnswerValue(json, number);
      case byte[] bytes -> Json.writeAnswerValue(json, bytes);
      case Temporal time -> Json.writeAnswerValue(json, time);
      case UUID uuid -> Json.writeAnswerValue(json, uuid);
      default -> throw new IOException("nested value: " + value.getClass().getName());
    }
  }

  /**
   * A string as the String route writes it. A lone UTF-16 surrogate (no character; Java strings can hold one) comes
   * out there as {@code ?} (String.getBytes replaces it) but as an escape from the generator, so such a string is
   * refused here and the general route answers.
   */
  private static void text(JsonGenerator json, String text) throws IOException {
    requireWhole(text);
    json.writeString(text);
  }

  private static void requireWhole(String text) throws IOException {
    int at = Unicode.loneSurrogateIndex(text);
    if (at >= 0) {
      throw new IOException("lone surrogate at " + at);
    }
  }


  /** A byte buffer whose content is written out without a copy. */
  static final class Bytes extends ByteArrayOutputStream {
    Bytes(int size) {
      super(size);
    }

    byte[] array() {
      return buf;
    }
  }
}
