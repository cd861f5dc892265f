package dev.cairn.sql.internal;

import dev.cairn.core.CairnException;
import dev.cairn.core.InvalidInputException;
import dev.cairn.core.Json;
import dev.cairn.core.Result;
import dev.cairn.core.Status;
import dev.cairn.sql.Dialect;
import dev.cairn.sql.Row;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Raw SQL that returns rows ({@link dev.cairn.sql.Session#query} and friends), batches and scripts: trusted SQL,
 * parameters bound by position ({@code ?}) or by name ({@code :name} from a map), errors translated like every
 * other operation. Reads outside a transaction are retried on transient failures like the typed API; a stream is
 * never retried once it has handed out a row (the callback would see rows twice).
 */
final class RawQueries {
  /** Rows fetched per round trip by a stream: what bounds its memory on servers. */
  static final int STREAM_FETCH_SIZE = 500;

  private RawQueries() {}

  /** SQL and the values for its {@code ?} placeholders, from positional or named parameters. */
  record Bound(String sql, List<Object> values) {
    static Bound positional(String sql, Object[] params) {
      requireSql(sql);
      return new Bound(sql, params == null ? List.of() : Arrays.asList(params));
    }

    static Bound named(String sql, Map<String, ?> params, Dialect dialect) {
      requireSql(sql);
      SqlText.Named named = SqlText.named(sql, dialect);
      return new Bound(named.sql(), SqlText.bind(named, params == null ? Map.of() : params));
    }
  }

  /**
   * A query is one statement. pgjdbc splits a text at its semicolons and runs every part, so on PostgreSQL
   * {@code "COMMIT; DELETE ..."} given as a query would end the caller's (read-only) transaction and write outside
   * it; such a text is INVALID {@code MULTIPLE_STATEMENTS}, found with pgjdbc's own splitter so both agree on what
   * a statement is. (SQLite's driver runs only the first statement, and MariaDB's refuses several by default.)
   */
  static void requireOneStatement(SqlContext context, Connection connection, String sql) throws SQLException {
    if (context.dialect != Dialect.POSTGRESQL
        || !connection.isWrapperFor(org.postgresql.core.BaseConnection.class)) {
      return; // a plugged-in backend of the PostgreSQL family has its own driver, which pgjdbc's parser does not know
    }
    boolean standardStrings = connection.unwrap(org.postgresql.core.BaseConnection.class)
        .getStandardConformingStrings();
    // Parsing cost a raw query a tenth of its time and most of its garbage; an application runs few distinct texts.
    String key = (standardStrings ? "s" : "e") + sql;
    if (ONE_STATEMENT.contains(key)) {
      return;
    }
    if (org.postgresql.core.Parser.parseJdbcSql(sql, standardStrings, true, true, false, false).size() > 1) {
      throw new InvalidInputException("MULTIPLE_STATEMENTS", "a query is one statement; this text holds several "
          + "(run scripts with executeScript)");
    }
    if (ONE_STATEMENT.size() < ONE_STATEMENT_LIMIT) {
      ONE_STATEMENT.add(key);
    }
  }

  /** Texts found to be one statement, by the standard-strings setting they were parsed under; bounded. */
  private static final java.util.Set<String> ONE_STATEMENT = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private static final int ONE_STATEMENT_LIMIT = 1024;

  private static void requireSql(String sql) {
    if (sql == null || sql.isBlank()) {
      throw new InvalidInputException("EMPTY_SQL", "a raw query needs a SQL statement");
    }
  }

  @FunctionalInterface
  interface Attempt<R> {
    R run() throws SQLException;
  }

  /** Runs {@code attempt} with errors translated, retried outside transactions when {@code retry}. */
  static <R> Result<R> run(SqlContext context, boolean retry, Attempt<R> attempt) {
    Supplier<Result<R>> once = () -> {
      try {
        return Result.ok(attempt.run());
      } catch (SQLException e) {
        return context.errors.translate(e, null);
      } catch (CairnException e) {
        return Result.failure(e);
      }
    };
    return retry ? context.withRetry(once) : once.get();
  }

  static <R> Result<R> guarded(Supplier<Result<R>> call) {
    try {
      return call.get();
    } catch (CairnException e) {
      return Result.failure(e);
    }
  }

  static Result<List<Row>> query(SqlContext context, Executor executor, Supplier<Bound> bound) {
    return guarded(() -> {
      Bound statement = bound.get();
      return run(context, executor.retriesStatements(), () -> executor.read(connection -> {
        requireOneStatement(context, connection, statement.sql());
        PreparedStatement ps = cached(context, connection, statement);
        try (ResultSet rs = ps.executeQuery()) {
          RowReader reader = RowReader.of(rs, context.dialect);
          List<Row> rows = new ArrayList<>();
          while (rs.next()) {
            rows.add(reader.read(rs));
          }
          return rows;
        }
      }));
    });
  }

  static Result<Row> queryOne(SqlContext context, Executor executor, Supplier<Bound> bound) {
    return switch (query(context, executor, bound)) {
      case Result.Ok<List<Row>>(List<Row> rows) when rows.isEmpty() ->
          Result.failure(Status.NOT_FOUND, "ROW_NOT_FOUND", "the query returned no row");
      case Result.Ok<List<Row>>(List<Row> rows) -> Result.ok(rows.getFirst());
      case Result.Failure<List<Row>> failure -> failure.cast();
    };
  }

  static <T extends Record> Result<List<T>> queryAs(SqlContext context, Executor executor, Class<T> type,
      Supplier<Bound> bound) {
    return guarded(() -> {
      RecordMapping<T> mapping = context.mapping(type);
      Bound statement = bound.get();
      return run(context, executor.retriesStatements(), () -> executor.read(connection -> {
        requireOneStatement(context, connection, statement.sql());
        PreparedStatement ps = cached(context, connection, statement);
        try (ResultSet rs = ps.executeQuery()) {
          int[] positions = positions(rs, mapping);
          List<T> rows = new ArrayList<>();
          Object[] values = new Object[positions.length];
          while (rs.next()) {
            for (int i = 0; i < positions.length; i++) {
              values[i] = readColumn(context, mapping, rs, i, positions[i]);
            }
            rows.add(mapping.fromRow(values));
          }
          return rows;
        }
      }));
    });
  }

  /** Where each record component's column is in the result, or -1 for a nullable component not selected. */
  private static int[] positions(ResultSet rs, RecordMapping<?> mapping) throws SQLException {
    var meta = rs.getMetaData();
    TableModel model = mapping.model();
    int[] positions = new int[model.columns().size()];
    for (int i = 0; i < positions.length; i++) {
      String column = model.column(i).name();
      String alias = mapping.type().getRecordComponents()[i].getName();
      positions[i] = -1;
      for (int j = 1; j <= meta.getColumnCount(); j++) {
        String label = meta.getColumnLabel(j);
        if (label.equalsIgnoreCase(column) || label.equalsIgnoreCase(alias)) {
          positions[i] = j;
          break;
        }
      }
      if (positions[i] < 0 && mapping.codec(i).type().isPrimitive()) {
        throw new InvalidInputException("COLUMN_NOT_FOUND", "the query returns no column " + column + " for "
            + mapping.type().getSimpleName() + "." + alias, Map.of("column", column), null);
      }
    }
    return positions;
  }

  private static Object readColumn(SqlContext context, RecordMapping<?> mapping, ResultSet rs, int component,
      int position) throws SQLException {
    if (position < 0) {
      return null;
    }
    try {
      if (mapping.codec(component).isJson()) {
        // Whatever the column's type (json, jsonb, an array, text holding JSON), its value as JSON.
        Object value = RowReader.readNormalized(rs, position, context.dialect);
        return value instanceof String text ? dev.cairn.core.Json.read(text, Object.class) : value;
      }
      return mapping.codec(component).kind().read(rs, position, context.dialect);
    } catch (RuntimeException e) {
      String column = mapping.model().column(component).name();
      throw new InvalidInputException("COLUMN_TYPE_MISMATCH", "column " + column + " of the query does not fit "
          + mapping.type().getSimpleName() + "." + mapping.type().getRecordComponents()[component].getName()
          + ": expected "
          + mapping.codec(component).kind().describe(), Map.of("column", column), e);
    }
  }

  /**
   * Streams the rows to {@code each} with bounded memory: the driver fetches {@link #STREAM_FETCH_SIZE} rows at a
   * time (PostgreSQL needs a transaction for that, so outside one the stream runs in a read-only transaction).
   *
   * @return the number of rows handed out
   */
  static Result<Long> stream(SqlContext context, Executor executor, Supplier<Bound> bound, Consumer<? super Row> each) {
    return stream(context, executor, bound, columns -> { }, each);
  }

  /** {@link #stream(SqlContext, Executor, Supplier, Consumer)}, handing the column labels to {@code columns} first. */
  static Result<Long> stream(SqlContext context, Executor executor, Supplier<Bound> bound,
      Consumer<? super List<String>> columns, Consumer<? super Row> each) {
    return guarded(() -> {
      Bound statement = bound.get();
      return run(context, false, () -> executor.cursor(connection -> {
        requireOneStatement(context, connection, statement.sql());
        try (PreparedStatement ps = prepare(context, connection, statement)) {
          ps.setFetchSize(STREAM_FETCH_SIZE);
          try (ResultSet rs = ps.executeQuery()) {
            RowReader reader = RowReader.of(rs, context.dialect);
            columns.accept(List.copyOf(reader.labels()));
            long count = 0;
            while (rs.next()) {
              each.accept(reader.read(rs));
              count++;
            }
            return count;
          }
        }
      }));
    });
  }

  /** One statement for every parameter map, as one JDBC batch, all or nothing; returns the rows changed. */
  static Result<Integer> executeMany(SqlContext context, Executor executor, String sql,
      List<? extends Map<String, ?>> rows) {
    Result<Integer> result = guarded(() -> {
      requireSql(sql);
      SqlText.Named named = SqlText.named(sql, context.dialect);
      List<List<Object>> batches = new ArrayList<>(rows.size());
      for (Map<String, ?> row : rows) {
        batches.add(SqlText.bind(named, row));
      }
      if (batches.isEmpty()) {
        return Result.ok(0);
      }
      return run(context, executor.retriesStatements(), () -> executor.atomic(connection -> {
        try (PreparedStatement ps = connection.prepareStatement(named.sql())) {
          for (List<Object> values : batches) {
            bindAll(context, ps, values);
            ps.addBatch();
          }
          int total = 0;
          for (int count : ps.executeBatch()) {
            total += count == PreparedStatement.SUCCESS_NO_INFO ? 1 : Math.max(count, 0);
          }
          return total;
        }
      }));
    });
    context.schemaCache.invalidate();
    return result;
  }

  /**
   * Runs the statements of a script in order, in one transaction where DDL is transactional (PostgreSQL,
   * SQLite); on MariaDB/MySQL DDL commits by itself, so the statements run one by one and a failure leaves the
   * ones before it applied (the failure says which statement failed).
   *
   * @return the number of statements run
   */
  static Result<Integer> executeScript(SqlContext context, Executor executor, String script) {
    List<String> statements = script == null ? List.of() : SqlText.statements(script, context.dialect);
    if (statements.isEmpty()) {
      return Result.failure(Status.INVALID, "EMPTY_SQL", "executeScript needs at least one statement");
    }
    int[] current = {0};
    boolean transactional = context.dialect == Dialect.POSTGRESQL || context.dialect == Dialect.SQLITE;
    SqlWork<Integer> work = connection -> {
      try (var statement = connection.createStatement()) {
        for (current[0] = 0; current[0] < statements.size(); current[0]++) {
          statement.execute(statements.get(current[0]));
        }
      }
      return statements.size();
    };
    Result<Integer> result = run(context, false, () -> transactional || !executor.retriesStatements()
        ? executor.atomic(work) : executor.write(work));
    context.schemaCache.invalidate();
    if (result instanceof Result.Failure<Integer> failure && failure.cause() instanceof SQLException
        && current[0] < statements.size()) {
      var details = new java.util.LinkedHashMap<>(failure.details());
      details.put("statement", current[0] + 1);
      String applied = transactional ? "; nothing was applied" : "; the statements before it were applied";
      return Result.failure(failure.status(), failure.code(), failure.message() + " (statement " + (current[0] + 1)
          + " of " + statements.size() + applied + ")", details, failure.cause());
    }
    return result;
  }

  /**
   * A statement from the connection's {@link StatementCache} with the values bound: a query run again is not
   * prepared again, as a hand-written DAO keeps its statements. Never closed by the caller.
   */
  static PreparedStatement cached(SqlContext context, Connection connection, Bound bound) throws SQLException {
    PreparedStatement statement = StatementCache.prepare(connection, bound.sql());
    bindAll(context, statement, bound.values());
    return statement;
  }

  static PreparedStatement prepare(SqlContext context, Connection connection, Bound bound) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(bound.sql());
    try {
      bindAll(context, statement, bound.values());
      return statement;
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }

  static void bindAll(SqlContext context, PreparedStatement statement, List<Object> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      Object value = values.get(i);
      if ((value instanceof Map<?, ?> || value instanceof Collection<?>) && context.dialect == Dialect.POSTGRESQL) {
        // JSON: sent untyped, so the server takes it as json, jsonb or text, whatever the target is.
        statement.setObject(i + 1, Json.write(value), Types.OTHER);
      } else {
        Jdbc.bind(statement, i + 1, bindForm(value, context.dialect));
      }
    }
  }

  /** Java values the drivers do not all take, in the form Cairn stores them (see {@link ValueKind}). */
  private static Object bindForm(Object value, Dialect dialect) {
    return switch (value) {
      case Instant instant -> ValueKind.INSTANT.bindForm(instant, dialect);
      case LocalDateTime time -> ValueKind.LOCAL_DATE_TIME.bindForm(time, dialect);
      case LocalDate date -> ValueKind.LOCAL_DATE.bindForm(date, dialect);
      case UUID uuid -> ValueKind.UUID_KIND.bindForm(uuid, dialect);
      case Enum<?> constant -> constant.name();
      case Map<?, ?> map -> Json.write(map);
      case Collection<?> list -> Json.write(list);
      case null, default -> value;
    };
  }

  /** The SQL of {@code vacuumAnalyze}: what each dialect runs, outside any transaction. */
  static List<String> maintenance(Dialect dialect, List<String> quotedTables, boolean allTables) {
    List<String> sql = new ArrayList<>();
    switch (dialect) {
      case POSTGRESQL -> {
        if (allTables) {
          sql.add("VACUUM (ANALYZE)");
        } else {
          quotedTables.forEach(table -> sql.add("VACUUM (ANALYZE) " + table));
        }
      }
      case SQLITE -> {
        sql.add("VACUUM");
        if (allTables) {
          sql.add("ANALYZE");
        } else {
          quotedTables.forEach(table -> sql.add("ANALYZE " + table));
        }
      }
      case MARIADB, MYSQL -> quotedTables.forEach(table -> {
        sql.add("OPTIMIZE TABLE " + table);
        sql.add("ANALYZE TABLE " + table);
      });
    }
    return sql;
  }

  static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
