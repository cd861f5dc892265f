package dev.cairn.testkit.internal;

import dev.cairn.core.StoreUrl;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Key housekeeping on a shared Redis: only ever by prefix, never FLUSHDB/FLUSHALL. */
public final class RedisKeys {
  private static final int BATCH = 500;

  private RedisKeys() {}

  /**
   * Deletes every key starting with {@code prefix}, by SCAN (never KEYS, which blocks the server) and DEL in
   * batches. The prefix is compared here rather than given to SCAN as a MATCH glob: SCAN visits every key either
   * way, and a glob would need the prefix's metacharacters escaped, which cairn-kv already does for its own scans.
   *
   * @return how many keys were deleted
   * @throws IOException when Redis cannot be reached or answers an error
   */
  public static long deleteByPrefix(StoreUrl url, String prefix) throws IOException {
    if (prefix.isEmpty()) {
      throw new IllegalArgumentException("refusing to delete by an empty prefix: that is every key");
    }
    long deleted = 0;
    try (RespClient client = RedisType.open(url)) {
      String cursor = "0";
      do {
        List<?> reply = (List<?>) client.call("SCAN", cursor, "COUNT", String.valueOf(BATCH));
        cursor = (String) reply.get(0);
        List<String> keys = new ArrayList<>();
        for (Object key : (List<?>) reply.get(1)) {
          if (((String) key).startsWith(prefix)) {
            keys.add((String) key);
          }
        }
        if (!keys.isEmpty()) {
          List<String> command = new ArrayList<>(List.of("DEL"));
          command.addAll(keys);
          deleted += (Long) client.call(command.toArray(String[]::new));
        }
      } while (!cursor.equals("0"));
    }
    return deleted;
  }
}
