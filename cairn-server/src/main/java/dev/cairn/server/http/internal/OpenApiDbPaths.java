package dev.cairn.server.http.internal;

import static dev.cairn.server.http.internal.JsonSchemas.anyValue;
import static dev.cairn.server.http.internal.JsonSchemas.array;
import static dev.cairn.server.http.internal.JsonSchemas.bool;
import static dev.cairn.server.http.internal.JsonSchemas.described;
import static dev.cairn.server.http.internal.JsonSchemas.integer;
import static dev.cairn.server.http.internal.JsonSchemas.mapOf;
import static dev.cairn.server.http.internal.JsonSchemas.nullable;
import static dev.cairn.server.http.internal.JsonSchemas.object;
import static dev.cairn.server.http.internal.JsonSchemas.optional;
import static dev.cairn.server.http.internal.JsonSchemas.ref;
import static dev.cairn.server.http.internal.JsonSchemas.required;
import static dev.cairn.server.http.internal.JsonSchemas.string;

import java.util.List;
import java.util.Map;

/** The {@code /api/v1/db} operations of the OpenAPI document: status, tables and rows, migrations, SQL console. */
final class OpenApiDbPaths {
  private static final String TAG = "db";
  private static final String TABLE = "/api/v1/db/tables/{table}";
  private static final String ROW = TABLE + "/rows/{id}";

  private OpenApiDbPaths() {}

  static List<ApiOperation> operations(int maxPageSize) {
    return List.of(
        onDb(ApiOperation.get("/api/v1/db/status", TAG, "getDbStatus",
            "Connection status, engine (password masked) and tables"))
            .ok(200, "connected", ref("DbStatus")).errors(503),
        onDb(ApiOperation.get("/api/v1/db/is-ready", TAG, "getDbReadiness", "Whether the database answers"))
            .ok(200, "ready", ref("Readiness")).ok(503, "the database is down", ref("Readiness")),
        onDb(ApiOperation.get("/api/v1/db/tables", TAG, "listTables", "Table names"))
            .ok(200, "the tables", ref("TableList")).errors(503),
        rows(maxPageSize),
        onDb(ApiOperation.post(TABLE, TAG, "insertRow", "Insert a row"))
            .body(ref("Row"), true, "the row: column name to value").idempotent()
            .ok(201, "the row as stored, generated key included", ref("RowResult")).errors(400, 404, 409, 503),
        onDb(ApiOperation.get(TABLE + "/schema", TAG, "getTableSchema", "Columns, keys, indexes, row count"))
            .ok(200, "the table's schema", ref("TableSchema")).errors(404, 503),
        export(),
        onDb(ApiOperation.get(ROW, TAG, "getRow", "One row by primary key"))
            .ok(200, "the row", ref("RowResult")).errors(400, 404, 503),
        onDb(ApiOperation.patch(ROW, TAG, "updateRow", "Change columns of one row"))
            .body(described(ref("Row"), "the columns to change and their new values"), true, "the changes")
            .idempotent().ok(200, "the row as stored after the change", ref("RowResult"))
            .errors(400, 404, 409, 503),
        onDb(ApiOperation.delete(ROW, TAG, "deleteRow", "Delete one row")).idempotent()
            .ok(200, "deleted", ref("Deleted")).errors(400, 404, 409, 503),
        ApiOperation.get("/api/v1/db/databases", TAG, "listDatabases",
            "The registry's named databases and their health (404 DATABASE_NOT_FOUND without a registry)")
            .ok(200, "the named databases", ref("DatabaseList")).errors(404, 503),
        onDb(ApiOperation.get("/api/v1/db/migrations/status", TAG, "getMigrationStatus",
            "Applied, pending and failed migrations with checksums"))
            .ok(200, "the migrations", ref("MigrationStatus")).errors(404, 503),
        onDb(ApiOperation.post("/api/v1/db/migrations/generate", TAG, "generateMigration",
            "Write the next V/U scripts from the record models"))
            .body(object(required("message", string("the scripts' description")),
                optional("allow_destructive", described(bool(), "also drop what the models no longer have")
                )), true, "what to generate")
            .ok(200, "nothing to change: no script written (written false)", ref("GeneratedMigration"))
            .ok(201, "the scripts written", ref("GeneratedMigration")).errors(400, 404, 409, 503),
        onDb(ApiOperation.post("/api/v1/db/migrations/run", TAG, "runMigrations",
            "Apply pending migrations: all (no body, {}, or \"head\"), or up to \"target\""))
            .body(object(optional("target", target())), false, "how far to go")
            .ok(200, "the versions applied", ref("MigrationsApplied")).errors(400, 404, 409, 503),
        onDb(ApiOperation.post("/api/v1/db/migrations/downgrade", TAG, "downgradeMigrations",
            "Apply undo scripts down to \"target\" (\"0\" undoes all)"))
            .body(object(required("target", target())), true, "where to stop")
            .ok(200, "the versions undone", ref("MigrationsUndone")).errors(400, 404, 409, 503),
        sql());
  }

  private static ApiOperation rows(int maxPageSize) {
    Map<String, Object> pageSize = integer(1, maxPageSize);
    pageSize.put("default", TableQueryParser.DEFAULT_PAGE_SIZE);
    Map<String, Object> page = integer(1, Integer.MAX_VALUE);
    page.put("default", 1);
    return onDb(ApiOperation.get(TABLE, TAG, "listRows", "A page of rows, filtered and sorted"))
        .query("page", page, "the page number, from 1")
        .query("page_size", pageSize, "rows per page")
        .query("sort_by", string(), "columns separated by commas, '-' before a column for descending: a,-b; may "
            + "repeat")
        .query("sort_desc", string(), "the seed's form: true or false for every column, or one per sort_by column "
            + "(false,true)")
        .query("filter_column", string(), "with filter_value: column = value")
        .query("filter_value", string(), "the value for filter_column")
        .query("cursor", string(), "the next of the page before: keyset paging, faster than page on big tables")
        .freeQuery("filters", mapOf(string()), "column filters, col=op.value: eq, neq, gt, gte, lt, lte, like, "
            + "in.(a,b), is.null, not.*")
        .ok(200, "the page", ref("RowPage")).errors(400, 404, 503);
  }

  private static ApiOperation export() {
    Map<String, Object> format = string("csv (RFC 4180, header line, NULL empty, text starting with = + - @ tab or "
        + "CR prefixed with ') or json (an array of rows)");
    format.put("enum", List.of("csv", "json"));
    return onDb(ApiOperation.get(TableExport.PATH, TAG, "exportRows",
        "Every row of the filtered, sorted view (the filters and sort of the rows route), streamed as a download"))
        .query("format", format, "the download's format")
        .query("sort_by", string(), "as on the rows route")
        .query("sort_desc", string(), "as on the rows route")
        .query("filter_column", string(), "with filter_value: column = value")
        .query("filter_value", string(), "the value for filter_column")
        .freeQuery("filters", mapOf(string()), "column filters, col=op.value, as on the rows route")
        .ok(200, "the rows as CSV", "text/csv", string())
        .ok(200, "the rows as JSON", Responses.JSON, array(ref("Row")))
        .errors(400, 404, 503);
  }

  private static ApiOperation sql() {
    Map<String, Object> sql = string("one query");
    sql.put("minLength", 1);
    return onDb(ApiOperation.post(SqlRoutes.PATH, TAG, "runSql", "The read-only SQL console (only on a server "
        + "with a token, else 403 SQL_CONSOLE_NEEDS_TOKEN): runs in a read-only transaction that always rolls back, "
        + "with a time limit, at most " + SqlRoutes.MAX_ROWS + " rows; 400 READ_ONLY_QUERY for a write (nothing "
        + "written), QUERY_TIMEOUT, SQL_ERROR, MULTIPLE_STATEMENTS, SESSION_STATEMENT (SET, USE, COMMIT, ...)"))
        .body(object(required("sql", sql), optional("params", nullable(Map.of("oneOf", List.of(
            described(array(anyValue()), "values for ? placeholders"),
            described(mapOf(anyValue()), "values for :name placeholders")))))), true, "the query")
        .ok(200, "the rows", ref("SqlResult")).errors(400, 404, 503);
  }

  private static Map<String, Object> target() {
    return Map.of("description", "a version such as \"2\" (a string or an integer); \"head\" for the newest",
        "type", List.of("string", "integer"));
  }

  /** Operations on the default database or the one named by {@code ?db=} (404 DATABASE_NOT_FOUND). */
  private static ApiOperation onDb(ApiOperation operation) {
    return operation.query("db", string(), "a named database of the registry; the served database by default")
        .errors(404);
  }
}
