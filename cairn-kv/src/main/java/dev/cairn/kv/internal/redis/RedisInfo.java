package dev.cairn.kv.internal.redis;

import dev.cairn.kv.Stats;
import java.util.HashMap;
import java.util.Map;

/** Reads the figures {@link Stats} needs from an INFO reply ({@code name:value} lines). Stateless. */
final class RedisInfo {
  private RedisInfo() {}

  static Stats parse(String kind, String info, long keys) {
    Map<String, String> fields = new HashMap<>();
    for (String line : info.split("\r?\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && !line.startsWith("#")) {
        fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
      }
    }
    return new Stats(kind, fields.getOrDefault("redis_version", "unknown"),
        number(fields.get("used_memory")), number(fields.get("connected_clients")), keys,
        number(fields.get("instantaneous_ops_per_sec")));
  }

  private static long number(String text) {
    if (text == null) {
      return -1;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return -1; // a field in a format we do not know is reported as unknown, as for a missing one
    }
  }
}
