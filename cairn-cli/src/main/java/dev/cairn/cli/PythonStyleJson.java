package dev.cairn.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.cairn.core.Json;

/**
 * JSON for values a Python KRules service stored, printed the way Python's {@code json.dumps} prints what plain JSON
 * has no form for: {@code NaN}, {@code Infinity} and {@code -Infinity} bare (as numbers, not the strings Jackson
 * writes by default, which would change their type), and a lone UTF-16 surrogate as its {@code \}{@code udXXX}
 * escape (printing it raw would make it '?' in UTF-8). Everything else is compact JSON with UTF-8 text.
 */
final class PythonStyleJson {
  private static final ObjectWriter WRITER = Json.mapper().writer().without(JsonWriteFeature.WRITE_NAN_AS_STRINGS);

  private PythonStyleJson() {}

  static String write(Object value) {
    String json;
    try {
      json = WRITER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
    return escapeLoneSurrogates(json);
  }

  // Surrogates only ever occur inside JSON strings (the syntax is ASCII), where \\uXXXX is the same character.
  static String escapeLoneSurrogates(String json) {
    StringBuilder out = null;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      boolean paired = Character.isHighSurrogate(c) && i + 1 < json.length()
          && Character.isLowSurrogate(json.charAt(i + 1));
      if (paired) {
        if (out != null) {
          out.append(c).append(json.charAt(i + 1));
        }
        i++;
        continue;
      }
      if (Character.isSurrogate(c)) {
        if (out == null) {
          out = new StringBuilder(json.length() + 16).append(json, 0, i);
        }
        out.append(String.format("\\u%04x", (int) c));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? json : out.toString();
  }
}
