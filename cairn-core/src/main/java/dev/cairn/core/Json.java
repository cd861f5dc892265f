package dev.cairn.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Cairn's JSON settings in one place: Java time types as ISO-8601 text, unknown properties ignored on read.
 * Thread-safe; the mapper is shared and must not be reconfigured by callers.
 */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

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

  /** @throws InvalidInputException {@code INVALID_JSON} for malformed text or a shape that does not fit */
  public static <T> T read(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw invalid(e);
    }
  }

  /** @throws InvalidInputException {@code INVALID_JSON} for malformed text or a shape that does not fit */
  public static <T> T read(String json, TypeReference<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw invalid(e);
    }
  }

  /** @throws InvalidInputException {@code INVALID_JSON} for malformed text */
  public static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw invalid(e);
    }
  }

  private static InvalidInputException invalid(JsonProcessingException e) {
    return new InvalidInputException("INVALID_JSON", "invalid JSON: " + e.getOriginalMessage(), e);
  }
}
