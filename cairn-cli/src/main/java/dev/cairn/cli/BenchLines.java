package dev.cairn.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code --json} form of the benchmarks' result lines: {@code name key=value ...} becomes
 * {@code {"name": name, "key": value, ...}} with integers and decimals as JSON numbers and everything else as
 * text; a line of another shape becomes {@code {"line": text}}. One JSON object per line, so scripts read them
 * line by line.
 */
final class BenchLines {
  private BenchLines() {}

  /** {@code target} itself for text; for JSON, a stream whose {@code println(String)} prints the line as JSON. */
  static PrintStream stream(PrintStream target, boolean json) {
    if (!json) {
      return target;
    }
    // Named target, not out: inside a PrintStream subclass "out" is the inherited field.
    return new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8) {
      @Override
      public void println(String line) {
        // A stream of result lines rather than one answer: no "success" on each.
        target.println(dev.cairn.core.Json.write(toJson(line)));
      }

      @Override
      public void flush() {
        target.flush();
      }
    };
  }

  /** The JSON object of one result line. */
  static Map<String, Object> toJson(String line) {
    String[] parts = line.strip().split(" +");
    Map<String, Object> json = new LinkedHashMap<>();
    if (parts.length < 2 || parts[0].contains("=")) {
      json.put("line", line);
      return json;
    }
    json.put("name", parts[0]);
    for (int i = 1; i < parts.length; i++) {
      int equals = parts[i].indexOf('=');
      if (equals <= 0) {
        return Map.of("line", line);
      }
      json.put(parts[i].substring(0, equals), typed(parts[i].substring(equals + 1)));
    }
    return json;
  }

  private static Object typed(String value) {
    if (value.matches("-?\\d{1,18}")) {
      return Long.parseLong(value);
    }
    if (value.matches("-?\\d+\\.\\d+")) {
      return Double.parseDouble(value);
    }
    return value;
  }
}
