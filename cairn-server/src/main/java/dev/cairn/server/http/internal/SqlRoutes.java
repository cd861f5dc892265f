package dev.cairn.server.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.Json;
import dev.cairn.core.Result;
import dev.cairn.core.SecretMask;
import dev.cairn.core.Status;
import dev.cairn.sql.Database;
import dev.cairn.sql.Dialect;
import dev.cairn.sql.Row;
import dev.cairn.sql.Transaction;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code POST /api/v1/db/sql}: the read-only SQL console. The body is {@code {"sql": "...", "params": [...] or
 * {...}}} ({@code ?} or {@code :name} placeholders); the answer {@code {"columns", "rows", "truncated",
 * "elapsed_ms"}}, at most {@value #MAX_ROWS} rows. {@code truncated} says the query returned more rows than the
 * console's cap and the rest were dropped; it is not paging (a query has no continuation, unlike the
 * {@code next} cursor of the table and key listings): narrow the query or add a LIMIT.
 *
 * <p>The statement runs inside a read-only transaction of the database (PostgreSQL and MariaDB {@code READ ONLY},
 * SQLite {@code query_only} for the transaction), so the database itself refuses any write, however it is
 * disguised (a data-modifying CTE, a second statement after {@code ;}): 400 {@code READ_ONLY_QUERY}, nothing
 * written. It is bounded by the database's query timeout, and on PostgreSQL by {@value #TIME_LIMIT_SECONDS} s at
 * most; a query cancelled for running too long is 400 {@code QUERY_TIMEOUT}.
 *
 * <p>Statements about the session or the transaction ({@code SET}, {@code USE}, {@code COMMIT}, ...; see
 * {@link ConsoleQueries}) are refused first, 400 {@code SESSION_STATEMENT}, so they cannot change the pooled
 * connection. The transaction
 * always rolls back, and a text of several statements is refused (400
 * {@code MULTIPLE_STATEMENTS} on PostgreSQL, whose driver would run them all, a {@code COMMIT} among them; SQLite's
 * driver runs the first statement only, MariaDB's refuses several).
 *
 * <p>Only a server with an admin token offers it ({@link Guards} answers 403 {@code SQL_CONSOLE_NEEDS_TOKEN}
 * otherwise): the caller writes SQL, so it must be the operator, even though nothing can be written. Errors of the
 * database are shown with its first line, since the caller wrote the statement it refers to.
 */
public final class SqlRoutes {
  public static final String PATH = "/api/v1/db/sql";
  static final int MAX_ROWS = 1000;
  static final int TIME_LIMIT_SECONDS = 10;
  private static final String MODULE = DbRoutes.MODULE;
  private final DatabaseResolver databases;
  private final DatabaseLanes lanes;

  public SqlRoutes(DatabaseResolver databases, DatabaseLanes lanes) {
    this.databases = databases;
    this.lanes = lanes;
  }

  public void register(RoutesConfig routes) {
    routes.post(PATH, ErrorHandling.inModule(MODULE, this::run));
  }

  private void run(Context ctx) {
    JsonNode body = RequestBodies.object(ctx, MODULE);
    JsonNode sql = body.get("sql");
    if (sql == null || !sql.isTextual() || sql.asText().isBlank()) {
      throw ApiError.badRequest("SQL_REQUIRED", "the body needs \"sql\" as a non-empty JSON string", MODULE);
    }
    if (ConsoleQueries.changesSession(sql.asText())) {
      throw ApiError.badRequest("SESSION_STATEMENT", "the SQL console runs queries, not statements about the "
          + "session or the transaction ('" + ConsoleQueries.firstWord(sql.asText()) + "')", MODULE);
    }
    Object params = params(body.get("params"));
    Database database = databases.resolve(ctx);
    long started = System.nanoTime();
    Answer answer = lanes.read(ctx, database, () -> query(database, sql.asText(), params));
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("columns", answer.columns());
    response.put("rows", answer.rows());
    response.put("truncated", answer.truncated());
    response.put("elapsed_ms", (System.nanoTime() - started) / 1_000_000);
    Responses.ok(ctx, response);
  }

  /** Absent or null: no parameters; an array: positional; an object: by name. */
  private static Object params(JsonNode params) {
    if (params == null || params.isNull()) {
      return List.of();
    }
    if (params.isArray()) {
      return Json.mapper().convertValue(params, List.class);
    }
    if (params.isObject()) {
      return Json.mapper().convertValue(params, Map.class);
    }
    throw ApiError.badRequest("INVALID_PARAMS", "\"params\" must be a JSON array (for ?) or object (for :name)",
        MODULE);
  }

  /** What the query gave, up to the row cap. */
  private record Answer(List<String> columns, List<List<Object>> rows, boolean truncated) {}

  /** Thrown by the row consumer at the row past the cap; ends the stream (and rolls the transaction back). */
  private static final class RowCapReached extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RowCapReached() {
      super(null, null, false, false);
    }
  }

  @SuppressWarnings("unchecked")
  private static Answer query(Database database, String sql, Object params) {
    List<String> columns = new ArrayList<>();
    List<List<Object>> rows = new ArrayList<>();
    Consumer<Row> collect = row -> {
      if (rows.size() == MAX_ROWS) {
        throw new RowCapReached();
      }
      rows.add(new ArrayList<>(row.asMap().values()));
    };
    // From the statement, so an empty result still has its headers; a label given twice is one column, as in a Row.
    Consumer<List<String>> labels = names -> columns.addAll(new LinkedHashSet<>(names));
    Result<Long> result;
    try {
      result = database.readOnlyTransaction(tx -> {
        limitTime(database, tx);
        Result<Long> streamed = params instanceof Map<?, ?> named
            ? tx.stream(sql, (Map<String, ?>) named, labels, collect)
            : tx.stream(sql, (List<?>) params, labels, collect);
        return streamed instanceof Result.Failure<Long> ? streamed : ROLL_BACK;
      });
    } catch (RowCapReached capped) {
      return new Answer(columns, rows, true);
    }
    if (result instanceof Result.Failure<Long> failure && failure != ROLL_BACK) {
      throw refusal(failure, database);
    }
    return new Answer(columns, rows, false);
  }

  /**
   * Returned by the console's transaction when the query succeeded, so that it rolls back rather than commits:
   * session settings a query may change (PostgreSQL's {@code set_config(..., false)}) are undone with it, and the
   * pooled connection goes back as it was.
   */
  private static final Result.Failure<Long> ROLL_BACK =
      new Result.Failure<>(Status.CONFLICT, "CONSOLE_ROLL_BACK", "the SQL console always rolls back", null, null);

  // PostgreSQL: the console's own limit for this transaction only (is_local), under the database's query timeout.
  private static void limitTime(Database database, Transaction tx) {
    if (database.dialect() != Dialect.POSTGRESQL) {
      return;
    }
    long millis = Math.min(Duration.ofSeconds(TIME_LIMIT_SECONDS).toMillis(),
        database.config().queryTimeout().toMillis());
    tx.query("select set_config('statement_timeout', ?, true)", String.valueOf(millis)).orElseThrow();
  }

  private static ApiError refusal(Result.Failure<Long> failure, Database database) {
    return switch (failure.code()) {
      case "READ_ONLY_TRANSACTION" -> new ApiError(400, "READ_ONLY_QUERY", "the SQL console is read-only: the "
          + "database refused a write inside the read-only transaction; nothing was written", MODULE, Map.of());
      case "QUERY_TIMEOUT" -> new ApiError(400, "QUERY_TIMEOUT", "the query ran longer than the console's time "
          + "limit and was cancelled (" + limitSeconds(database) + " s)", MODULE, Map.of());
      case "SQL_ERROR" -> new ApiError(400, "SQL_ERROR", "the database refused the query: "
          + databaseMessage(failure), MODULE, Map.of("sql_state", failure.details().getOrDefault("sqlState", "")));
      default -> failure.status() == Status.INVALID || failure.status() == Status.NOT_FOUND
          ? new ApiError(400, failure.code(), failure.message(), MODULE, Map.of())
          : ApiError.of(failure, MODULE);
    };
  }

  private static long limitSeconds(Database database) {
    long query = database.config().queryTimeout().toSeconds();
    return database.dialect() == Dialect.POSTGRESQL ? Math.min(TIME_LIMIT_SECONDS, query) : query;
  }

  // The caller wrote the statement, so the database's own words help most (a syntax error and where it is); only
  // the first line, masked, as every message of the API.
  private static String databaseMessage(Result.Failure<Long> failure) {
    Throwable cause = failure.cause();
    String text = cause == null || cause.getMessage() == null ? failure.message() : cause.getMessage();
    int newline = text.indexOf('\n');
    return SecretMask.mask((newline < 0 ? text : text.substring(0, newline)).strip());
  }
}
