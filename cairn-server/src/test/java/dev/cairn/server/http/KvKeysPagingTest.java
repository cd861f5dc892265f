package dev.cairn.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.kv.KeyValue;
import dev.cairn.sql.Database;
import dev.cairn.testkit.kv.PrivateRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /api/v1/kv/keys} on a large keyspace: a page costs a few SCAN steps whatever the number of keys (a
 * private Redis, so its command counters see only this test), and the pages together list every key.
 */
class KvKeysPagingTest {
  @RegisterExtension static final PrivateRedis REDIS = PrivateRedis.plain();
  private static final Pattern SCAN_CALLS = Pattern.compile("cmdstat_scan:calls=(\\d+)");
  private static final int KEYS = 20_000;

  @Test
  void keysPage_largeKeyspace_fewScanStepsPerPage() {
    try (KeyValue store = KeyValue.open(REDIS.url());
        Database database = Database.open("sqlite::memory:");
        AdminServer server = AdminServer.start(AdminApiConformance.writable(), AdminStores.of(database, store));
        RedisClient client = RedisClient.create(REDIS.url());
        StatefulRedisConnection<String, String> counters = client.connect()) {
      seed(store, "bulk:", KEYS);
      seed(store, "other:", 2_000);
      ApiClient api = new ApiClient(server.url(), AdminApiConformance.TOKEN);

      long before = scanCalls(counters);
      JsonNode page = api.get("/api/v1/kv/keys?prefix=bulk:&limit=10").json();
      long calls = scanCalls(counters) - before;

      // Before paging with the SCAN cursor, each page walked all 22,000 keys: 45 SCAN calls of 500.
      assertThat(calls).as("SCAN calls for one page").isLessThanOrEqualTo(8);
      assertThat(page.path("next").isNull()).isFalse();
      assertThat(page.path("keys").size()).isLessThanOrEqualTo(30);
    }
  }

  // Each step used to ask SCAN to walk only the keys the page still missed: 8 steps of 100 saw 800 of these
  // 2,005 keys, so the page of the 5 came back with some or none of them and a next.
  @Test
  void keysPage_fewKeysAmongManyForeign_allInOnePage() {
    // database 1 of the private server: only this test's keys
    try (KeyValue store = KeyValue.open(REDIS.url() + "/1");
        Database database = Database.open("sqlite::memory:");
        AdminServer server = AdminServer.start(AdminApiConformance.writable(), AdminStores.of(database, store));
        RedisClient client = RedisClient.create(REDIS.url());
        StatefulRedisConnection<String, String> counters = client.connect()) {
      seed(store, "foreign:", 2_000);
      seed(store, "few:", 5);
      ApiClient api = new ApiClient(server.url(), AdminApiConformance.TOKEN);

      long before = scanCalls(counters);
      JsonNode page = api.get("/api/v1/kv/keys?prefix=few:").json();
      long calls = scanCalls(counters) - before;

      List<String> keys = new ArrayList<>();
      page.path("keys").forEach(key -> keys.add(key.asText()));
      assertThat(keys).containsExactlyInAnyOrder("few:0", "few:1", "few:2", "few:3", "few:4");
      assertThat(page.path("next").isNull()).as("next").isTrue();
      assertThat(calls).as("SCAN calls for one page").isLessThanOrEqualTo(8);
    }
  }

  @Test
  void keysPages_memoryStore_everyKeyExactlyOnce() {
    try (KeyValue store = KeyValue.open("memory:");
        Database database = Database.open("sqlite::memory:");
        AdminServer server = AdminServer.start(AdminApiConformance.writable(), AdminStores.of(database, store))) {
      seed(store, "bulk:", 3_000);
      seed(store, "other:", 500);
      ApiClient api = new ApiClient(server.url(), AdminApiConformance.TOKEN);

      List<String> listed = new ArrayList<>();
      String cursor = "";
      int pages = 0;
      do {
        JsonNode page = api.get("/api/v1/kv/keys?prefix=bulk:&limit=250&cursor=" + ApiClient.encode(cursor)).json();
        assertThat(page.path("keys").size()).isLessThanOrEqualTo(250);
        page.path("keys").forEach(key -> listed.add(key.asText()));
        cursor = page.path("next").isNull() ? null : page.path("next").asText();
        pages++;
      } while (cursor != null && pages < 1_000);

      assertThat(listed).doesNotHaveDuplicates().hasSize(3_000).allMatch(key -> key.startsWith("bulk:"));
    }
  }

  private static void seed(KeyValue store, String prefix, int count) {
    Map<String, String> batch = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      batch.put(prefix + i, "v");
      if (batch.size() == 1_000) {
        store.mset(batch);
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      store.mset(batch);
    }
  }

  private static long scanCalls(StatefulRedisConnection<String, String> connection) {
    Matcher matcher = SCAN_CALLS.matcher(connection.sync().info("commandstats"));
    return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
  }
}
