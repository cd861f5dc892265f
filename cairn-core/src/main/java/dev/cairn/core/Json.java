package dev.cairn.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * Cairn's JSON settings in one place: Java time types as ISO-8601 text, unknown properties ignored on read.
 * Thread-safe; the mapper is shared and must not be reconfigured by callers.
 *
 * <p>Reading is bounded, since some of what is read comes from outside (cursors in query strings, values written
 * by other services): nesting at most {@value #MAX_NESTING_DEPTH} deep (as deep as Jackson writes by default,
 * so whatever Cairn writes it can read back), numbers of at most {@value #MAX_NUMBER_LENGTH} characters, names of
 * at most {@value #MAX_NAME_LENGTH}. Text past a limit is refused with {@code JSON_TOO_DEEP} or
 * {@code JSON_TOO_LARGE} before it is parsed further. Callers parsing untrusted input with their own reader (the
 * HTTP server) set tighter limits.
 */
public final class Json {
  public static final int MAX_NESTING_DEPTH = 1000;
  public static final int MAX_NUMBER_LENGTH = 1000;
  public static final int MAX_NAME_LENGTH = 50_000;
  private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_NESTING_DEPTH)
          .maxNumberLength(MAX_NUMBER_LENGTH)
          .maxNameLength(MAX_NAME_LENGTH)
          .build())
      .build())
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  // Answers to callers outside the JVM: record components (Schema.ColumnInfo's jdbcType...) in snake_case.
  private static final ObjectMapper ANSWERS =
      MAPPER.copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

  private Json() {}

  /** The shared mapper; treat it as read-only. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** @throws InvalidInputException {@code JSON_NOT_WRITABLE} if the value cannot be serialized */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException("JSON_NOT_WRITABLE",
          "cannot write " + value.getClass().getName() + " as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * The JSON of an answer to a caller outside the JVM (the admin API, the command line's {@code --json}), in
   * Cairn's one vocabulary: the properties of records and beans in snake_case ({@code jdbcType} becomes
   * {@code jdbc_type}), so no Java name leaks as a key; map keys as they are (they are data or already
   * snake_case: column names, property names); and an object that has no {@code "success"} gets
   * {@code "success": success} as its first key. Anything else (an array, a string) is written as is.
   *
   * @throws InvalidInputException {@code JSON_NOT_WRITABLE} if the value cannot be serialized
   */
  public static String writeAnswer(Object value, boolean success) {
    try {
      JsonNode tree = ANSWERS.valueToTree(value);
      if (tree instanceof ObjectNode object && !object.has("success")) {
        ObjectNode answer = ANSWERS.createObjectNode();
        answer.put("success", success);
        answer.setAll(object);
        tree = answer;
      }
      return ANSWERS.writeValueAsString(tree);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new InvalidInputException("JSON_NOT_WRITABLE",
          "cannot write " + value.getClass().getName() + " as JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Writes {@code value} to {@code generator} as {@link #writeAnswer} writes it inside an answer (records in
   * snake_case, through the same tree), for callers that stream an answer themselves and hand only the values
   * they do not write directly to this method. Adds no {@code "success"}.
   *
   * @throws IOException when the generator's output fails
   * @throws InvalidInputException {@code JSON_NOT_WRITABLE} if the value cannot be serialized
   */
  public static void writeAnswerValue(JsonGenerator generator, Object value) throws IOException {
    JsonNode tree;
    try {
      tree = ANSWERS.valueToTree(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("JSON_NOT_WRITABLE",
          "cannot write " + value.getClass().getName() + " as JSON: " + e.getMessage(), e);
    }
    ANSWERS.writeTree(generator, tree);
  }

  /**
   * @throws InvalidInputException {@code INVALID_JSON} for malformed text or a shape that does not fit,
   *     {@code JSON_TOO_DEEP} / {@code JSON_TOO_LARGE} past a limit
   */
  public static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw invalid(e);
    }
  }

  /** As {@link #read(String, Class)}. */
  public static <T> T read(String json, TypeReference<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw invalid(e);
    }
  }

  /** @throws InvalidInputException {@code INVALID_JSON} for malformed text, or a limit's code as for {@link #read} */
  public static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw invalid(e);
    }
  }

  private static InvalidInputException invalid(JsonProcessingException e) {
    String limit = limitCode(e);
    if (limit != null) {
      return new InvalidInputException(limit, "JSON past a limit: " + e.getOriginalMessage(), e);
    }
    return new InvalidInputException("INVALID_JSON", "invalid JSON: " + e.getOriginalMessage(), e);
  }

  /**
   * For a failure caused by one of Jackson's {@link StreamReadConstraints} (thrown as is by the parser, or wrapped
   * by a deserializer): {@code JSON_TOO_DEEP} for nesting past the limit, else {@code JSON_TOO_LARGE}; null for any
   * other failure. Works for any reader, so callers with tighter limits of their own name them alike.
   */
  public static String limitCode(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof StreamConstraintsException limit) {
        return String.valueOf(limit.getOriginalMessage()).contains("nesting depth") ? "JSON_TOO_DEEP"
            : "JSON_TOO_LARGE";
      }
    }
    return null;
  }
}
