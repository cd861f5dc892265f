package dev.cairn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.InvalidInputException;
import dev.cairn.core.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** Vectors and metadata given on the command line as JSON ({@code [0.1, 0.2]}, {@code {"lang": "en"}}). */
final class VectorJson {
  private VectorJson() {}

  static float[] vector(String text) {
    JsonNode node = parse(text, "the vector");
    if (!node.isArray()) {
      throw new InvalidInputException("INVALID_VECTOR", "the vector must be a JSON array of numbers");
    }
    float[] vector = new float[node.size()];
    for (int i = 0; i < vector.length; i++) {
      if (!node.get(i).isNumber()) {
        throw new InvalidInputException("INVALID_VECTOR", "vector component " + i + " is not a number");
      }
      vector[i] = node.get(i).floatValue();
    }
    return vector;
  }

  static Map<String, Object> object(String text, String what) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (text == null) {
      return values;
    }
    JsonNode node = parse(text, what);
    if (!node.isObject()) {
      throw new InvalidInputException("INVALID_METADATA", what + " must be a JSON object");
    }
    node.properties().forEach(field -> values.put(field.getKey(), Json.mapper().convertValue(field.getValue(),
        Object.class)));
    return values;
  }

  private static JsonNode parse(String text, String what) {
    try {
      return Json.tree(text);
    } catch (RuntimeException e) {
      throw new InvalidInputException("INVALID_JSON", what + " is not valid JSON");
    }
  }
}
