package dev.cairn.server.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.kv.KeyValue;
import dev.cairn.kv.ScanPage;
import dev.cairn.kv.Ttl;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code /api/v1/kv} endpoints: list keys by prefix with a cursor, and get, put (with an optional TTL) and
 * delete one key; writes take an {@code Idempotency-Key} ({@link IdempotentWrites}).
 *
 * <p>Listing follows the store's SCAN cursor ({@link KeyValue#scan(String, String, int)}): a page runs at most
 * {@value #MAX_STEPS} scan steps and stops as soon as it has {@code limit} keys, so its cost is bounded by the page
 * size and {@value #MAX_SCAN_COUNT}, not by the number of keys in the store. The first step asks for the keys
 * still missing; when a step finds fewer than asked (a Redis whose keys are mostly outside the prefix: SCAN MATCH
 * filters after walking COUNT keys), the next one walks as many more keys as the density seen so far says the
 * page still needs, at least {@value #SPARSE_GROWTH} times more when it found none, up to {@value #MAX_SCAN_COUNT}
 * (or the limit if larger). A page of a sparse prefix then comes back full instead of empty with a {@code next}.
 * The price: keys come in the store's order, a page may still hold fewer keys than asked (even none) while
 * {@code next} is not null, a Redis step ends at a hash bucket and may add a few keys over the limit (more when
 * the prefix's keys cluster after a sparse stretch), and Redis may repeat a key while it resizes its table. A
 * client loops until {@code next} is null.
 */
public final class KvRoutes {
  static final String MODULE = "cairn.kv";
  /** The most scan steps one page runs: bounds a page's work when few keys match the prefix. */
  static final int MAX_STEPS = 8;
  /** The most keys a step asks SCAN to walk (COUNT) beyond the page's limit: bounds a page of a sparse prefix. */
  static final int MAX_SCAN_COUNT = 1_000;
  /** How much more a step walks after one that found no key. */
  static final int SPARSE_GROWTH = 8;
  private final KeyValue store;
  private final int maxPageSize;
  private final IdempotentWrites idempotent;

  public KvRoutes(KeyValue store, int maxPageSize, IdempotentWrites idempotent) {
    this.store = store;
    this.maxPageSize = maxPageSize;
    this.idempotent = idempotent;
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/v1/kv/keys", inModule(this::list));
    routes.get("/api/v1/kv/keys/{key}", inModule(this::get));
    routes.put("/api/v1/kv/keys/{key}", idempotent.wrap(inModule(this::put)));
    routes.delete("/api/v1/kv/keys/{key}", idempotent.wrap(inModule(this::delete)));
  }

  private static Handler inModule(Handler handler) {
    return ErrorHandling.inModule(MODULE, handler);
  }

  private void list(Context ctx) {
    String prefix = orEmpty(ctx.queryParam("prefix"));
    String cursor = orEmpty(ctx.queryParam("cursor"));
    int limit = limit(ctx.queryParam("limit"));
    // a view of the prefix scans exactly the keys starting with it: the store escapes the prefix's glob characters
    KeyValue listed = prefix.isEmpty() ? store : store.withPrefix(prefix);
    List<String> keys = new ArrayList<>();
    ScanPage step = new ScanPage(List.of(), cursor.isEmpty() ? ScanPage.START : cursor);
    int steps = 0;
    int count = limit;
    do {
      String from = step.cursor();
      int found = keys.size();
      step = listed.scan("*", from, count);
      step.keys().forEach(key -> keys.add(prefix + key));
      count = nextCount(limit - keys.size(), count, keys.size() - found);
      steps++;
    } while (!step.finished() && keys.size() < limit && steps < MAX_STEPS);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("keys", keys);
    body.put("next", step.finished() ? null : step.cursor());
    Responses.ok(ctx, body);
  }

  /**
   * The COUNT of the next step: the keys still {@code missing} scaled by the density of the last step
   * ({@code found} keys for {@code count} walked), {@value #SPARSE_GROWTH} times {@code count} when it found none;
   * never below {@code missing}, never above {@value #MAX_SCAN_COUNT} unless {@code missing} is.
   */
  static int nextCount(int missing, int count, int found) {
    long wanted = found == 0 ? (long) count * SPARSE_GROWTH : ((long) missing * count + found - 1) / found;
    return (int) Math.max(missing, Math.min(wanted, MAX_SCAN_COUNT));
  }

  private void get(Context ctx) {
    String key = key(ctx);
    String value = store.get(key).orElseThrow(() -> notFound(key));
    Ttl ttl = store.ttl(key);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("key", key);
    body.put("value", value);
    body.put("ttl_ms", ttl.timeLeft().map(Duration::toMillis).orElse(null));
    Responses.ok(ctx, body);
  }

  private void put(Context ctx) {
    String key = key(ctx);
    JsonNode body = RequestBodies.object(ctx, MODULE);
    JsonNode value = body.get("value");
    if (value == null || !value.isTextual()) {
      throw ApiError.badRequest("INVALID_VALUE", "the body needs \"value\" as a JSON string", MODULE);
    }
    JsonNode ttl = body.get("ttl_seconds");
    if (ttl == null || ttl.isNull()) {
      store.set(key, value.asText());
    } else if (ttl.canConvertToLong() && ttl.isIntegralNumber() && ttl.asLong() > 0) {
      store.set(key, value.asText(), Duration.ofSeconds(ttl.asLong()));
    } else {
      throw ApiError.badRequest("INVALID_TTL", "ttl_seconds must be a positive integer", MODULE);
    }
    Responses.ok(ctx, Map.of("success", true, "key", key));
  }

  private void delete(Context ctx) {
    String key = key(ctx);
    if (store.delete(key) == 0) {
      throw notFound(key);
    }
    Responses.ok(ctx, Map.of("success", true, "deleted", true));
  }

  private static String key(Context ctx) {
    String key = ctx.pathParam("key");
    if (key.isEmpty()) {
      throw ApiError.badRequest("EMPTY_KEY", "the key is empty", MODULE);
    }
    return key;
  }

  private int limit(String text) {
    if (text == null || text.isEmpty()) {
      return Math.min(dev.cairn.server.http.AdminConfig.DEFAULT_PAGE_SIZE, maxPageSize);
    }
    try {
      long limit = Long.parseLong(text.strip());
      if (limit >= 1 && limit <= maxPageSize) {
        return (int) limit;
      }
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("INVALID_PARAMETER", "limit must be an integer", MODULE);
    }
    throw new ApiError(400, "PAGE_SIZE_TOO_LARGE", "limit must be between 1 and " + maxPageSize, MODULE,
        Map.of("max_page_size", maxPageSize));
  }

  private static ApiError notFound(String key) {
    return new ApiError(404, "KEY_NOT_FOUND", "no key '" + key + "'", MODULE, Map.of("key", key));
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
