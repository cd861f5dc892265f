package dev.cairn.server.http.internal;

import static dev.cairn.server.http.internal.JsonSchemas.anyValue;
import static dev.cairn.server.http.internal.JsonSchemas.array;
import static dev.cairn.server.http.internal.JsonSchemas.bool;
import static dev.cairn.server.http.internal.JsonSchemas.described;
import static dev.cairn.server.http.internal.JsonSchemas.integer;
import static dev.cairn.server.http.internal.JsonSchemas.mapOf;
import static dev.cairn.server.http.internal.JsonSchemas.nullable;
import static dev.cairn.server.http.internal.JsonSchemas.number;
import static dev.cairn.server.http.internal.JsonSchemas.object;
import static dev.cairn.server.http.internal.JsonSchemas.optional;
import static dev.cairn.server.http.internal.JsonSchemas.ref;
import static dev.cairn.server.http.internal.JsonSchemas.required;
import static dev.cairn.server.http.internal.JsonSchemas.string;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The key-value, subject and vector operations of the OpenAPI document. */
final class OpenApiStorePaths {
  private static final String KEY = "/api/v1/kv/keys/{key}";
  private static final String PROPERTY = "/api/v1/subjects/{name}/{property}";
  private static final String COLLECTION = "/api/v1/vectors/{collection}";
  private static final String ITEM = COLLECTION + "/items/{id}";

  private OpenApiStorePaths() {}

  static List<ApiOperation> operations(int maxPageSize) {
    List<ApiOperation> operations = new ArrayList<>(kv(maxPageSize));
    operations.addAll(subjects());
    operations.addAll(vectors());
    return operations;
  }

  private static List<ApiOperation> kv(int maxPageSize) {
    Map<String, Object> limit = integer(1, maxPageSize);
    limit.put("default", Math.min(100, maxPageSize));
    Map<String, Object> ttl = integer(1, Long.MAX_VALUE);
    return List.of(
        ApiOperation.get("/api/v1/kv/keys", "kv", "listKeys", "Keys under a prefix, a page per step of the store's "
            + "SCAN cursor: pass next back as cursor until it is null; a page may hold fewer keys than limit (even "
            + "none) or, on Redis, a few more; keys come in the store's order")
            .query("prefix", string(), "only keys starting with this text")
            .query("cursor", string(), "the next of the page before")
            .query("limit", limit, "about this many keys per page")
            .ok(200, "a page of keys", ref("KeyPage")).errors(400, 503),
        ApiOperation.get(KEY, "kv", "getKey", "A key's text value and time to live")
            .ok(200, "the value", ref("KeyValue")).errors(400, 404, 503),
        ApiOperation.put(KEY, "kv", "setKey", "Set a key, with a time to live or without")
            .body(object(required("value", string()), optional("ttl_seconds",
                described(nullable(ttl), "expire after this many seconds; none or null: keep"))), true, "the value")
            .idempotent().ok(200, "written", ref("KeyWritten")).errors(400, 503),
        ApiOperation.delete(KEY, "kv", "deleteKey", "Delete a key").idempotent()
            .ok(200, "deleted", ref("Deleted")).errors(400, 404, 503));
  }

  private static List<ApiOperation> subjects() {
    Map<String, Object> ext = bool();
    ext.put("default", false);
    String extended = "the extended property of that name (ext_properties), not the property";
    return List.of(
        ApiOperation.get("/api/v1/subjects/{name}", "subjects", "getSubject",
            "A subject's properties and extended properties")
            .ok(200, "the subject", ref("Subject")).errors(404, 503),
        ApiOperation.put(PROPERTY, "subjects", "setSubjectProperty", "Set a property straight in storage")
            .query("ext", ext, extended)
            .body(object(required("value", described(anyValue(), "any JSON value"))), true, "the value")
            .idempotent().ok(200, "the value stored and the one before", ref("SubjectChange")).errors(400, 503),
        ApiOperation.delete(PROPERTY, "subjects", "deleteSubjectProperty", "Delete a property")
            .query("ext", ext, extended).idempotent()
            .ok(200, "deleted (previous is null when there was none)", ref("SubjectPropertyDeleted"))
            .errors(400, 503),
        ApiOperation.delete("/api/v1/subjects/{name}", "subjects", "deleteSubject", "Delete the whole subject "
            + "(KRules' flush); 404 SUBJECT_NOT_FOUND when nothing was stored").idempotent()
            .ok(200, "what the subject held", ref("SubjectDeleted")).errors(404, 503));
  }

  private static List<ApiOperation> vectors() {
    Map<String, Object> vector = array(number());
    vector.put("minItems", 1);
    Map<String, Object> item = object(required("id", string()), required("vector", vector),
        optional("metadata", ref("Metadata")));
    Map<String, Object> items = array(item);
    items.put("maxItems", 10_000);
    String notConfigured = "; 404 VECTOR_STORE_NOT_CONFIGURED on a server without a vector store";
    return List.of(
        ApiOperation.get("/api/v1/vectors", "vectors", "listCollections",
            "Vector collections with dimension, metric and count" + notConfigured)
            .ok(200, "the collections", ref("CollectionList")).errors(404, 503),
        ApiOperation.put(COLLECTION, "vectors", "createCollection", "Create a collection")
            .body(object(required("dimension", integer(1, Integer.MAX_VALUE)), optional("metric", ref("Metric")),
                optional("m", integer(2, Integer.MAX_VALUE)), optional("ef_construction", integer(1,
                    Integer.MAX_VALUE))), true, "the collection's shape; metric cosine by default")
            .idempotent().ok(201, "created", ref("Collection")).errors(400, 404, 409, 503),
        ApiOperation.post(COLLECTION + "/items", "vectors", "upsertVectors",
            "Upsert a batch, all or nothing on bad input")
            .body(object(required("items", items)), true, "the vectors").idempotent()
            .ok(200, "how many were written", ref("VectorsWritten")).errors(400, 404, 503),
        ApiOperation.put(ITEM, "vectors", "putVector", "Upsert one vector")
            .body(object(required("vector", vector), optional("metadata", ref("Metadata"))), true, "the vector")
            .idempotent().ok(200, "written", ref("VectorWritten")).errors(400, 404, 503),
        ApiOperation.get(ITEM, "vectors", "getVector", "One vector and its metadata")
            .ok(200, "the vector", ref("VectorItem")).errors(404, 503),
        ApiOperation.delete(ITEM, "vectors", "deleteVector", "Delete one vector").idempotent()
            .ok(200, "deleted", ref("Deleted")).errors(404, 503),
        ApiOperation.post(COLLECTION + "/search", "vectors", "searchVectors", "Nearest neighbours, best first "
            + "(reads only, though a POST)")
            .body(object(required("vector", vector),
                optional("k", described(integer(1, Integer.MAX_VALUE), "how many; 10 by default")),
                optional("filter", described(mapOf(anyValue()), "metadata key to a value, or to an operator "
                    + "object {eq, ne, gt, gte, lt, lte, in, like}")),
                optional("ef_search", integer(1, Integer.MAX_VALUE)),
                optional("exact", described(bool(), "brute force instead of the index"))), true, "the query")
            .ok(200, "the matches", ref("SearchResult")).errors(400, 404, 503));
  }
}
