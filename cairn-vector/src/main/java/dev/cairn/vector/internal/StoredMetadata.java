package dev.cairn.vector.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.cairn.core.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** Metadata read back from its stored JSON, with integers as {@link Long} as {@link Checks#metadata} stores them. */
public final class StoredMetadata {
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private StoredMetadata() {}

  public static Map<String, Object> parse(String json) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    Json.read(json, MAP).forEach((key, value) ->
        metadata.put(key, value instanceof Integer number ? Long.valueOf(number) : value));
    return metadata;
  }
}
