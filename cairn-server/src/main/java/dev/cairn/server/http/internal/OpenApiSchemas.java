package dev.cairn.server.http.internal;

import static dev.cairn.server.http.internal.JsonSchemas.anyValue;
import static dev.cairn.server.http.internal.JsonSchemas.array;
import static dev.cairn.server.http.internal.JsonSchemas.bool;
import static dev.cairn.server.http.internal.JsonSchemas.closed;
import static dev.cairn.server.http.internal.JsonSchemas.constant;
import static dev.cairn.server.http.internal.JsonSchemas.described;
import static dev.cairn.server.http.internal.JsonSchemas.integer;
import static dev.cairn.server.http.internal.JsonSchemas.mapOf;
import static dev.cairn.server.http.internal.JsonSchemas.nullable;
import static dev.cairn.server.http.internal.JsonSchemas.number;
import static dev.cairn.server.http.internal.JsonSchemas.oneOf;
import static dev.cairn.server.http.internal.JsonSchemas.optional;
import static dev.cairn.server.http.internal.JsonSchemas.ref;
import static dev.cairn.server.http.internal.JsonSchemas.required;
import static dev.cairn.server.http.internal.JsonSchemas.string;
import static dev.cairn.server.http.internal.JsonSchemas.succeeded;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared response and value schemas of the OpenAPI document ({@code components/schemas}), in the API's one
 * vocabulary: snake_case keys, {@code "success": true} on every 2xx object and {@code false} on every error, paging
 * by {@code next}. Request bodies are described beside their operations ({@link OpenApiDbPaths},
 * {@link OpenApiStorePaths}).
 */
final class OpenApiSchemas {
  private OpenApiSchemas() {}

  static Map<String, Object> all() {
    Map<String, Object> schemas = new LinkedHashMap<>();
    schemas.put("Error", closed(required("success", constant(false)), required("error", closed(
        required("code", string("stable UPPER_SNAKE code, e.g. TABLE_NOT_FOUND")),
        required("message", string("one line for a human")),
        required("module", string("the part of Cairn that answered, e.g. cairn.db")),
        required("details", mapOf(anyValue()))))));
    schemas.put("Deleted", closed(succeeded(), required("deleted", constant(true))));
    ops(schemas);
    db(schemas);
    migrations(schemas);
    stores(schemas);
    return schemas;
  }

  private static void ops(Map<String, Object> schemas) {
    Map<String, Object> state = oneOf("up", "degraded", "down");
    schemas.put("Health", closed(required("success", bool()), required("status", state),
        required("database", closed(required("status", state), required("dialect", string()),
            required("latency_ms", nullable(number())), optional("reason", string()),
            required("calls_running", integer()), required("calls_waiting", integer()))),
        required("kv", closed(required("status", state), optional("error", string()),
            optional("latency_ms", nullable(number())), optional("reason", string())))));
  }

  private static void db(Map<String, Object> schemas) {
    schemas.put("DbStatus", closed(succeeded(), required("status", constant("connected")),
        required("engine", string("the database URL, password masked")), required("dialect", string()),
        required("server_version", nullable(string())), required("latency_ms", number()),
        required("tables", array(string())), required("table_count", integer()),
        required("initialization", closed(required("status", string()), required("initialized", bool()),
            required("error", nullable(string()))))));
    schemas.put("Readiness", closed(required("success", bool()), required("ready", bool()),
        required("status", oneOf("ready", "unavailable"))));
    schemas.put("TableList", closed(succeeded(), required("tables", array(string()))));
    schemas.put("Column", closed(required("name", string()), required("type", string()),
        required("jdbc_type", described(integer(), "the java.sql.Types code")), required("nullable", bool()),
        required("default_value", nullable(string())), required("auto_increment", bool())));
    schemas.put("Index", closed(required("name", string()), required("columns", array(string())),
        required("unique", bool())));
    schemas.put("ForeignKey", closed(required("name", nullable(string())), required("columns", array(string())),
        required("referenced_table", string()), required("referenced_columns", array(string()))));
    schemas.put("TableSchema", closed(succeeded(), required("table", string()),
        required("columns", array(ref("Column"))), required("primary_key", array(string())),
        required("indexes", array(ref("Index"))), required("foreign_keys", array(ref("ForeignKey"))),
        required("row_count", integer()), required("size_bytes", nullable(integer())),
        required("schema_definition", closed(required("table_name", string()),
            required("columns", mapOf(closed(required("type", string()), required("nullable", bool()),
                required("default", nullable(string())), required("primary_key", bool()),
                required("auto_increment", bool())))),
            required("primary_key", array(string()))))));
    schemas.put("Row", described(mapOf(anyValue()), "column name to value"));
    schemas.put("RowPage", closed(succeeded(), required("table", string()), required("page", integer()),
        required("page_size", integer()), required("total_records", nullable(integer())),
        required("records", array(ref("Row"))),
        required("next", nullable(string("pass back as cursor for the page after; null on the last page")))));
    schemas.put("RowResult", closed(succeeded(), required("record", ref("Row"))));
    schemas.put("SqlResult", closed(succeeded(), required("columns", array(string())),
        required("rows", array(array(anyValue()))),
        required("truncated", described(bool(), "more rows than the console returns")),
        required("elapsed_ms", integer())));
  }

  private static void migrations(Map<String, Object> schemas) {
    schemas.put("DatabaseList", closed(succeeded(), required("databases", array(string())),
        required("health", mapOf(oneOf("up", "down")))));
    schemas.put("Migration", closed(required("version", string()), required("description", string()),
        required("script", nullable(string())), required("state", string("Flyway's: SUCCESS, PENDING, FAILED, ...")),
        required("checksum", nullable(integer())), required("installed_on", nullable(dateTime()))));
    schemas.put("MigrationStatus", closed(succeeded(), required("status", closed(required("database", string()),
        required("current", nullable(string())), required("migrations", array(ref("Migration")))))));
    schemas.put("GeneratedMigration", closed(succeeded(), required("written", bool()),
        required("version", nullable(string())), required("script", nullable(string())),
        required("undo_script", nullable(string())), required("changes", array(string())),
        required("message", string())));
    schemas.put("MigrationsApplied", closed(succeeded(), required("applied", array(string()))));
    schemas.put("MigrationsUndone", closed(succeeded(), required("undone", array(string()))));
  }

  private static void stores(Map<String, Object> schemas) {
    schemas.put("KeyPage", closed(succeeded(), required("keys", array(string())),
        required("next", nullable(string("pass back as cursor; null when the scan is complete")))));
    schemas.put("KeyValue", closed(succeeded(), required("key", string()), required("value", string()),
        required("ttl_ms", nullable(integer()))));
    schemas.put("KeyWritten", closed(succeeded(), required("key", string())));
    Map<String, Object> properties = described(mapOf(anyValue()), "property name to JSON value");
    schemas.put("Subject", closed(succeeded(), required("name", string()), required("properties", properties),
        required("ext_properties", properties)));
    schemas.put("SubjectChange", closed(succeeded(), required("value", anyValue()),
        required("previous", anyValue())));
    schemas.put("SubjectPropertyDeleted", closed(succeeded(), required("previous", anyValue())));
    schemas.put("SubjectDeleted", closed(succeeded(), required("deleted", closed(required("properties", properties),
        required("ext_properties", properties)))));
    schemas.put("Metric", oneOf("cosine", "l2", "inner_product"));
    schemas.put("Metadata", mapOf(Map.of("type", List.of("string", "number", "boolean", "null"))));
    schemas.put("Collection", closed(succeeded(), required("name", string()), required("dimension", integer()),
        required("metric", ref("Metric")), required("m", integer()), required("ef_construction", integer())));
    schemas.put("CollectionList", closed(succeeded(), required("backend", string()),
        required("collections", array(closed(required("name", string()), required("dimension", integer()),
            required("metric", ref("Metric")), required("m", integer()), required("ef_construction", integer()),
            required("count", integer()))))));
    schemas.put("VectorItem", closed(succeeded(), required("id", string()), required("vector", array(number())),
        required("metadata", ref("Metadata"))));
    schemas.put("VectorWritten", closed(succeeded(), required("id", string())));
    schemas.put("VectorsWritten", closed(succeeded(), required("written", integer())));
    schemas.put("VectorMatch", closed(required("id", string()),
        required("score", described(number(), "a similarity: higher is closer")),
        required("metadata", ref("Metadata"))));
    schemas.put("SearchResult", closed(succeeded(), required("matches", array(ref("VectorMatch")))));
  }

  private static Map<String, Object> dateTime() {
    Map<String, Object> schema = string();
    schema.put("format", "date-time");
    return schema;
  }
}
