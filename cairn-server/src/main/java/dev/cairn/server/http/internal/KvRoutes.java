package dev.cairn.server.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.CairnException;
import dev.cairn.kv.KeyValue;
import dev.cairn.kv.Ttl;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The {@code /api/v1/kv} endpoints: list keys by prefix with a cursor, and get, put (with an optional TTL) and
 * delete one key.
 *
 * <p>Listing: SCAN has no stable order and its cursor cannot be resumed across servers of a cluster, so the API
 * cursor is the last key returned and pages come in key order. Each page scans the matching keys once and keeps
 * only the {@code limit} smallest above the cursor, so memory stays bounded by the page size; the time grows
 * with the number of keys under the prefix, which is the price of an ordered, resumable listing.
 */
public final class KvRoutes {
  static final String MODULE = "cairn.kv";
  private static final int DEFAULT_LIMIT = 100;
  private final KeyValue store;
  private final int maxPageSize;

  public KvRoutes(KeyValue store, int maxPageSize) {
    this.store = store;
    this.maxPageSize = maxPageSize;
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/v1/kv/keys", this::list);
    routes.get("/api/v1/kv/keys/{key}", this::get);
    routes.put("/api/v1/kv/keys/{key}", this::put);
    routes.delete("/api/v1/kv/keys/{key}", this::delete);
  }

  private void list(Context ctx) {
    String prefix = orEmpty(ctx.queryParam("prefix"));
    String cursor = orEmpty(ctx.queryParam("cursor"));
    int limit = limit(ctx.queryParam("limit"));
    TreeSet<String> smallest = new TreeSet<>();
    // a view of the prefix scans exactly the keys starting with it: the store escapes the prefix's glob characters
    try (Stream<String> keys = (prefix.isEmpty() ? store : store.withPrefix(prefix)).scan("*")
        .map(key -> prefix + key)) {
      keys.filter(key -> key.compareTo(cursor) > 0).forEach(key -> {
        smallest.add(key);
        if (smallest.size() > limit + 1) {
          smallest.pollLast();
        }
      });
    } catch (CairnException e) {
      throw ApiError.of(e, MODULE);
    }
    List<String> page = new ArrayList<>(smallest);
    boolean more = page.size() > limit;
    List<String> shown = more ? page.subList(0, limit) : page;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("keys", shown);
    body.put("next", more ? shown.getLast() : null);
    Responses.ok(ctx, body);
  }

  private void get(Context ctx) {
    String key = key(ctx);
    String value = call(() -> store.get(key)).orElseThrow(() -> notFound(key));
    Ttl ttl = call(() -> store.ttl(key));
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
      call(() -> {
        store.set(key, value.asText());
        return null;
      });
    } else if (ttl.canConvertToLong() && ttl.isIntegralNumber() && ttl.asLong() > 0) {
      call(() -> {
        store.set(key, value.asText(), Duration.ofSeconds(ttl.asLong()));
        return null;
      });
    } else {
      throw ApiError.badRequest("INVALID_TTL", "ttl_seconds must be a positive integer", MODULE);
    }
    Responses.ok(ctx, Map.of("success", true, "key", key));
  }

  private void delete(Context ctx) {
    String key = key(ctx);
    if (call(() -> store.delete(key)) == 0) {
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
      return Math.min(DEFAULT_LIMIT, maxPageSize);
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

  private static <T> T call(java.util.function.Supplier<T> operation) {
    try {
      return operation.get();
    } catch (CairnException e) {
      throw ApiError.of(e, MODULE);
    }
  }
}
