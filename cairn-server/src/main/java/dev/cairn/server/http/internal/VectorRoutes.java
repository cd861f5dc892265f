package dev.cairn.server.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.CairnException;
import dev.cairn.core.Result;
import dev.cairn.sql.Filter;
import dev.cairn.vector.CollectionInfo;
import dev.cairn.vector.CollectionSpec;
import dev.cairn.vector.IndexParams;
import dev.cairn.vector.Match;
import dev.cairn.vector.Metric;
import dev.cairn.vector.Search;
import dev.cairn.vector.VectorCollection;
import dev.cairn.vector.VectorItem;
import dev.cairn.vector.VectorStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code /api/v1/vectors} endpoints: create and list collections, put, get and delete one item, upsert a batch,
 * and search. Writes take an {@code Idempotency-Key}; a search is a POST (its vector is a body) that only reads.
 * Without a vector store the endpoints answer 404 {@code VECTOR_STORE_NOT_CONFIGURED}.
 */
public final class VectorRoutes {
  static final String MODULE = "cairn.vector";
  private static final Pattern SEARCH_PATH = Pattern.compile("/api/v1/vectors/[^/]+/search");
  private static final int MAX_BATCH = 10_000;
  private final Optional<VectorStore> store;
  private final IdempotentWrites idempotent;

  public VectorRoutes(Optional<VectorStore> store, IdempotentWrites idempotent) {
    this.store = store;
    this.idempotent = idempotent;
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/v1/vectors", this::list);
    routes.put("/api/v1/vectors/{collection}", idempotent.wrap(this::create));
    routes.post("/api/v1/vectors/{collection}/items", idempotent.wrap(this::upsertBatch));
    routes.put("/api/v1/vectors/{collection}/items/{id}", idempotent.wrap(this::put));
    routes.get("/api/v1/vectors/{collection}/items/{id}", this::get);
    routes.delete("/api/v1/vectors/{collection}/items/{id}", idempotent.wrap(this::delete));
    routes.post("/api/v1/vectors/{collection}/search", this::search);
  }

  static boolean isSearchPath(String path) {
    return SEARCH_PATH.matcher(path).matches();
  }

  private VectorStore store() {
    return store.orElseThrow(() -> new ApiError(404, "VECTOR_STORE_NOT_CONFIGURED",
        "this server has no vector store", MODULE, Map.of()));
  }

  private void list(Context ctx) {
    List<Map<String, Object>> collections = new ArrayList<>();
    for (CollectionInfo info : value(call(() -> store().collections()))) {
      Map<String, Object> entry = describe(info.spec());
      entry.put("count", info.count());
      collections.add(entry);
    }
    Responses.ok(ctx, Map.of("collections", collections, "backend", store().backend()));
  }

  private void create(Context ctx) {
    JsonNode body = RequestBodies.object(ctx, MODULE);
    int dimension = integer(body, "dimension", 0);
    Metric metric = value(Metric.parse(text(body, "metric", "cosine")));
    IndexParams index = new IndexParams(integer(body, "m", IndexParams.DEFAULT.m()),
        integer(body, "ef_construction", IndexParams.DEFAULT.efConstruction()));
    CollectionSpec spec = new CollectionSpec(ctx.pathParam("collection"), dimension, metric, index);
    value(call(() -> store().create(spec)));
    Responses.json(ctx, 201, describe(spec));
  }

  private void put(Context ctx) {
    VectorCollection collection = collection(ctx);
    JsonNode body = RequestBodies.object(ctx, MODULE);
    value(call(() -> collection.upsert(ctx.pathParam("id"), vector(body.get("vector"), "vector"),
        metadata(body.get("metadata")))));
    Responses.ok(ctx, Map.of("success", true, "id", ctx.pathParam("id")));
  }

  private void upsertBatch(Context ctx) {
    VectorCollection collection = collection(ctx);
    JsonNode items = RequestBodies.object(ctx, MODULE).get("items");
    if (items == null || !items.isArray() || items.size() > MAX_BATCH) {
      throw ApiError.badRequest("INVALID_ITEMS", "the body needs \"items\": an array of at most " + MAX_BATCH
          + " {\"id\", \"vector\", \"metadata\"}", MODULE);
    }
    List<VectorItem> batch = new ArrayList<>(items.size());
    for (JsonNode item : items) {
      JsonNode id = item.get("id");
      if (id == null || !id.isTextual()) {
        throw ApiError.badRequest("INVALID_ID", "item " + batch.size() + " needs \"id\" as a JSON string", MODULE);
      }
      batch.add(new VectorItem(id.textValue(), vector(item.get("vector"), "item " + batch.size() + " vector"),
          metadata(item.get("metadata"))));
    }
    int written = value(call(() -> collection.upsertAll(batch)));
    Responses.ok(ctx, Map.of("success", true, "written", written));
  }

  private void get(Context ctx) {
    VectorItem item = value(call(() -> collection(ctx).get(ctx.pathParam("id"))));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", item.id());
    body.put("vector", item.vector());
    body.put("metadata", item.metadata());
    Responses.ok(ctx, body);
  }

  private void delete(Context ctx) {
    boolean existed = value(call(() -> collection(ctx).delete(ctx.pathParam("id"))));
    if (!existed) {
      throw new ApiError(404, "VECTOR_NOT_FOUND", "no vector '" + ctx.pathParam("id") + "'", MODULE, Map.of());
    }
    Responses.ok(ctx, Map.of("success", true, "deleted", true));
  }

  private void search(Context ctx) {
    VectorCollection collection = collection(ctx);
    JsonNode body = RequestBodies.object(ctx, MODULE);
    Filter filter = VectorFilters.parse(body.get("filter"), MODULE);
    Search search = Search.of(vector(body.get("vector"), "vector"), integer(body, "k", 10)).filter(filter)
        .efSearch(integer(body, "ef_search", IndexParams.DEFAULT_EF_SEARCH));
    if (body.path("exact").asBoolean(false)) {
      search = search.bruteForce();
    }
    Search query = search;
    List<Map<String, Object>> matches = new ArrayList<>();
    for (Match match : value(call(() -> collection.search(query)))) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("id", match.id());
      entry.put("score", match.score());
      entry.put("metadata", match.metadata());
      matches.add(entry);
    }
    Responses.ok(ctx, Map.of("matches", matches));
  }

  private VectorCollection collection(Context ctx) {
    return value(call(() -> store().collection(ctx.pathParam("collection"))));
  }

  private static Map<String, Object> describe(CollectionSpec spec) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", spec.name());
    entry.put("dimension", spec.dimension());
    entry.put("metric", spec.metric().wireName());
    entry.put("m", spec.index().m());
    entry.put("ef_construction", spec.index().efConstruction());
    return entry;
  }

  private static float[] vector(JsonNode node, String what) {
    if (node == null || !node.isArray()) {
      throw ApiError.badRequest("INVALID_VECTOR", what + " must be an array of numbers", MODULE);
    }
    float[] vector = new float[node.size()];
    for (int i = 0; i < vector.length; i++) {
      JsonNode component = node.get(i);
      if (!component.isNumber()) {
        throw ApiError.badRequest("INVALID_VECTOR", what + " component " + i + " is not a number", MODULE);
      }
      vector[i] = component.floatValue();
    }
    return vector;
  }

  private static Map<String, Object> metadata(JsonNode node) {
    if (node == null || node.isNull()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw ApiError.badRequest("INVALID_METADATA", "metadata must be a JSON object", MODULE);
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      JsonNode value = field.getValue();
      if (value.isContainerNode()) {
        throw ApiError.badRequest("INVALID_METADATA", "metadata '" + field.getKey()
            + "' must be a string, a number or a boolean", MODULE);
      }
      metadata.put(field.getKey(), value.isIntegralNumber() && value.canConvertToLong() ? value.longValue()
          : value.isNumber() ? value.doubleValue() : value.isBoolean() ? value.booleanValue()
          : value.isNull() ? null : value.textValue());
    }
    return metadata;
  }

  private static int integer(JsonNode body, String field, int fallback) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return fallback;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw ApiError.badRequest("INVALID_PARAMETER", "\"" + field + "\" must be an integer", MODULE);
    }
    return value.intValue();
  }

  private static String text(JsonNode body, String field, String fallback) {
    JsonNode value = body.get(field);
    return value == null || value.isNull() ? fallback : value.asText();
  }

  private static <T> T value(Result<T> result) {
    return Results.value(result, MODULE);
  }

  private static <T> T call(java.util.function.Supplier<T> operation) {
    try {
      return operation.get();
    } catch (CairnException e) {
      throw ApiError.of(e, MODULE);
    }
  }
}
