package dev.cairn.sql.internal;

import dev.cairn.core.CairnException;
import dev.cairn.core.InvalidInputException;
import dev.cairn.core.Result;
import dev.cairn.core.Status;
import dev.cairn.sql.Dialect;
import dev.cairn.sql.Filter;
import dev.cairn.sql.Sort;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The CRUD engine behind both {@link TypedTable} and {@link DynamicRows}: rows are arrays of canonical values in
 * column order. Single-row operations use the SQL rendered once in {@link TableStatements}; this class is long
 * because it is the hot path, kept free of per-call rendering and reflection.
 *
 * <p>Every public operation returns a Result: SQLExceptions are translated by {@link SqlErrors}, and
 * CairnExceptions thrown while checking input become their Failure. Outside a transaction, a transient
 * conflict or a connection lost before anything could be written re-runs the statement (see
 * {@link SqlErrors#isRetryable}); a write whose connection broke while it ran is not re-run
 * ({@link DatabaseExecutor}).
 */
final class TableEngine {
  /** Work that may throw SQLException. */
  @FunctionalInterface
  interface Operation<R> {
    R run() throws SQLException;
  }

  final SqlContext context;
  final ColumnResolver resolver;
  final TableModel model;
  final Executor executor;
  private final Dialect dialect;

  TableEngine(SqlContext context, ColumnResolver resolver, Executor executor) {
    this.context = context;
    this.resolver = resolver;
    this.model = resolver.model();
    this.executor = executor;
    this.dialect = context.dialect;
  }

  <R> Result<R> run(Operation<R> operation) {
    if (executor.retriesStatements()) {
      return context.withRetry(() -> once(operation));
    }
    return once(operation);
  }

  private <R> Result<R> once(Operation<R> operation) {
    try {
      return Result.ok(operation.run());
    } catch (SQLException e) {
      return context.errors.translate(e, model.name());
    } catch (CairnException e) {
      return Result.failure(e);
    }
  }

  TableStatements statements() {
    return context.statements(model);
  }

  /** Inserts and returns the row with its generated key filled in. */
  Object[] insert(Object[] row) throws SQLException {
    Object[] stored = row.clone();
    boolean generate = needsIdentity(stored);
    assignRandomUuid(stored);
    String sql = generate ? statements().insertWithoutKey : statements().insertAll;
    return executor.write(connection -> {
      {
        PreparedStatement statement = StatementCache.prepare(connection, sql,
            generate ? Statement.RETURN_GENERATED_KEYS : Statement.NO_GENERATED_KEYS,
            generate && dialect == Dialect.POSTGRESQL ? model.key().name() : null);
        bindRow(statement, stored, generate ? model.keyIndex() : -1, 1);
        statement.executeUpdate();
        if (generate) {
          try (ResultSet keys = statement.getGeneratedKeys()) {
            if (keys.next()) {
              stored[model.keyIndex()] = keys.getLong(1);
            }
          }
        }
      }
      return stored;
    });
  }

  int insertAll(List<Object[]> rows) throws SQLException {
    if (rows.isEmpty()) {
      return 0;
    }
    List<Object[]> prepared = new ArrayList<>(rows.size());
    boolean generate = false;
    for (Object[] row : rows) {
      Object[] copy = row.clone();
      assignRandomUuid(copy);
      generate |= needsIdentity(copy);
      prepared.add(copy);
    }
    boolean omitKey = generate;
    for (Object[] row : prepared) {
      if (omitKey && !needsIdentity(row)) {
        throw new InvalidInputException("MIXED_KEYS", "insertAll into " + model.name()
            + " mixes rows with and without a key; insert them in separate batches", Map.of("table", model.name()),
            null);
      }
    }
    String sql = omitKey ? statements().insertWithoutKey : statements().insertAll;
    return executor.atomic(connection -> {
      {
        PreparedStatement statement = StatementCache.prepare(connection, sql);
        statement.clearBatch();
        for (Object[] row : prepared) {
          bindRow(statement, row, omitKey ? model.keyIndex() : -1, 1);
          statement.addBatch();
        }
        statement.executeBatch();
      }
      return prepared.size();
    });
  }

  Object[] upsert(Object[] row) throws SQLException {
    requireKey();
    if (needsIdentity(row)) {
      return insert(row);
    }
    Object[] stored = row.clone();
    assignRandomUuid(stored);
    executor.write(connection -> {
      {
        PreparedStatement statement = StatementCache.prepare(connection, statements().upsert);
        bindRow(statement, stored, -1, 1);
        return statement.executeUpdate();
      }
    });
    return stored;
  }

  /** The row with this key, or null. */
  Object[] find(Object key) throws SQLException {
    requireKey();
    Object bound = keyBindForm(key);
    return executor.read(connection -> selectOne(connection, bound));
  }

  private Object[] selectOne(Connection connection, Object boundKey) throws SQLException {
    {
        PreparedStatement statement = StatementCache.prepare(connection, statements().selectByKey);
      Jdbc.bind(statement, 1, boundKey);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() ? readRow(rs) : null;
      }
    }
  }

  boolean exists(Object key) throws SQLException {
    requireKey();
    Object bound = keyBindForm(key);
    return executor.read(connection -> {
      {
        PreparedStatement statement = StatementCache.prepare(connection, statements().existsByKey);
        Jdbc.bind(statement, 1, bound);
        try (ResultSet rs = statement.executeQuery()) {
          return rs.next();
        }
      }
    });
  }

  /** Updates the given columns of one row; returns the row afterwards, or null when no row has the key. */
  Object[] update(Object key, Map<String, ?> changes) throws SQLException {
    requireKey();
    Object boundKey = keyBindForm(key);
    List<Integer> columns = new ArrayList<>(changes.size());
    List<Object> values = new ArrayList<>(changes.size());
    collectChanges(changes, columns, values);
    if (columns.isEmpty()) {
      return executor.read(connection -> selectOne(connection, boundKey));
    }
    String sql = statements().update(columns);
    return updateByKey(sql, values, boundKey);
  }

  /** Updates the given columns of one row with one plain UPDATE; returns the rows found: 1, or 0. */
  int updateCount(Object key, Map<String, ?> changes) throws SQLException {
    requireKey();
    Object boundKey = keyBindForm(key);
    List<Integer> columns = new ArrayList<>(changes.size());
    List<Object> values = new ArrayList<>(changes.size());
    collectChanges(changes, columns, values);
    if (columns.isEmpty()) {
      throw noChanges("updateCount");
    }
    String sql = statements().updateWithoutReturning(columns);
    return executor.write(connection -> {
      {
        PreparedStatement statement = StatementCache.prepare(connection, sql);
        Jdbc.bindAll(statement, values);
        Jdbc.bind(statement, values.size() + 1, boundKey);
        return statement.executeUpdate();
      }
    });
  }

  /** Writes every non-key column of the row; returns it as stored, or null when no row has its key. */
  Object[] updateRow(Object[] row) throws SQLException {
    requireKey();
    Object boundKey = keyBindForm(row[model.keyIndex()]);
    List<Integer> columns = statements().nonKeyColumns();
    if (columns.isEmpty()) {
      return find(row[model.keyIndex()]);
    }
    List<Object> values = new ArrayList<>(columns.size());
    for (int column : columns) {
      values.add(model.column(column).kind().bindForm(row[column], dialect));
    }
    return updateByKey(statements().update(columns), values, boundKey);
  }

  private Object[] updateByKey(String sql, List<Object> values, Object boundKey) throws SQLException {
    boolean returning = statements().updateReturnsRow();
    SqlWork<Object[]> work = connection -> {
      {
        PreparedStatement statement = StatementCache.prepare(connection, sql);
        Jdbc.bindAll(statement, values);
        Jdbc.bind(statement, values.size() + 1, boundKey);
        if (returning) {
          try (ResultSet rs = statement.executeQuery()) {
            Object[] updated = rs.next() ? readRow(rs) : null;
            // Step the statement to its end: SQLite commits an auto-commit UPDATE ... RETURNING when the statement
            // finishes, and one closed early is committed on reset, where SQLite skips its automatic WAL
            // checkpoint, so the write-ahead log would grow without bound.
            while (rs.next()) {
              // a key matches at most one row; nothing to read
            }
            return updated;
          }
        }
        if (statement.executeUpdate() == 0) {
          return null;
        }
      }
      return selectOne(connection, boundKey);
    };
    return returning ? executor.write(work) : executor.atomic(work);
  }

  int updateWhere(Filter filter, Map<String, ?> changes) throws SQLException {
    requireFilter(filter, "updateWhere");
    List<Integer> columns = new ArrayList<>(changes.size());
    List<Object> values = new ArrayList<>(changes.size());
    collectChanges(changes, columns, values);
    if (columns.isEmpty()) {
      throw noChanges("updateWhere");
    }
    QueryRenderer renderer = new QueryRenderer(resolver, dialect);
    Map<org.jooq.Field<?>, Object> sets = new java.util.LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      sets.put(Render.column(model.column(columns.get(i)).name()), org.jooq.impl.DSL.val(values.get(i)));
    }
    var update = context.dsl.update(Render.table(model)).set(sets);
    Render.Sql sql = Render.sql(update.where(renderer.condition(filter)));
    return executeUpdate(sql);
  }

  /** Deletes by key; false when no row had it. */
  boolean delete(Object key) throws SQLException {
    requireKey();
    Object bound = keyBindForm(key);
    return executor.write(connection -> {
      {
        PreparedStatement statement = StatementCache.prepare(connection, statements().deleteByKey);
        Jdbc.bind(statement, 1, bound);
        return statement.executeUpdate() > 0;
      }
    });
  }

  int deleteWhere(Filter filter) throws SQLException {
    requireFilter(filter, "deleteWhere");
    QueryRenderer renderer = new QueryRenderer(resolver, dialect);
    Render.Sql sql = Render.sql(context.dsl.deleteFrom(Render.table(model)).where(renderer.condition(filter)));
    return executeUpdate(sql);
  }

  private int executeUpdate(Render.Sql sql) throws SQLException {
    return executor.write(connection -> {
      {
        PreparedStatement statement = StatementCache.prepare(connection, sql.text());
        Jdbc.bindAll(statement, sql.binds());
        return statement.executeUpdate();
      }
    });
  }

  long count(Filter filter) throws SQLException {
    QueryRenderer renderer = new QueryRenderer(resolver, dialect);
    var select = context.dsl.selectCount().from(Render.table(model)).where(renderer.condition(filter));
    StringBuilder shape = new StringBuilder("count|");
    RenderedQueries.shape(filter, shape);
    Render.Sql sql = statements().rendered().sql(shape.toString(), context.dsl, select, renderer.binds());
    return executor.read(connection -> {
      {
        PreparedStatement statement = StatementCache.prepare(connection, sql.text());
        Jdbc.bindAll(statement, sql.binds());
        try (ResultSet rs = statement.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    });
  }

  /** Where {@link #stream} hands each row (canonical values in column order). */
  @FunctionalInterface
  interface RowSink {
    void accept(Object[] row);
  }

  /**
   * Hands every row matching the filter to {@code sink}, in key order, without the page cap and without holding
   * more than the driver's fetch size of rows (see {@link Executor#cursor}). A failure after the first row was
   * handed out is UNAVAILABLE {@code STREAM_INTERRUPTED}, which is not retried: the rows would be handed out again.
   */
  long stream(Filter filter, RowSink sink) throws SQLException {
    return stream(filter, List.of(), sink);
  }

  /**
   * {@link #stream(Filter, RowSink)} in the order of {@code sort}, then the key, the order {@link Pager} pages in
   * (so a stream equals the pages of the same query concatenated); key order when {@code sort} is empty.
   */
  long stream(Filter filter, List<Sort> sort, RowSink sink) throws SQLException {
    QueryRenderer renderer = new QueryRenderer(resolver, dialect);
    var select = context.dsl.select(Render.columns(model)).from(Render.table(model))
        .where(renderer.condition(filter));
    StringBuilder shape = new StringBuilder("stream|");
    RenderedQueries.shape(filter, shape);
    org.jooq.Select<?> ordered;
    if (sort.isEmpty()) {
      ordered = model.hasKey() ? select.orderBy(Render.column(model.key().name())) : select;
    } else {
      List<Integer> columns = renderer.sortColumns(sort, true);
      List<Boolean> descending = Pager.directions(sort, columns.size());
      ordered = select.orderBy(renderer.orderBy(columns, descending));
      shape.append('|').append(columns).append(descending);
    }
    Render.Sql sql = statements().rendered().sql(shape.toString(), context.dsl, ordered, renderer.binds());
    long[] count = {0};
    try {
      return executor.cursor(connection -> {
        try (PreparedStatement statement = connection.prepareStatement(sql.text())) {
          Jdbc.bindAll(statement, sql.binds());
          statement.setFetchSize(RawQueries.STREAM_FETCH_SIZE);
          try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
              sink.accept(readRow(rs));
              count[0]++;
            }
          }
        }
        return count[0];
      });
    } catch (SQLException e) {
      if (count[0] == 0) {
        throw e;
      }
      throw new dev.cairn.core.UnavailableException("STREAM_INTERRUPTED", "the stream of table " + model.name()
          + " broke after " + count[0] + " rows; it is not retried", java.util.Map.of("rows", count[0]), e);
    }
  }

  /**
   * A page read by {@link #selectPage}: the mapped rows, whether the statement had a row after them, and the
   * position values (canonical, before mapping) of the last mapped row, or {@code null} when none were asked for
   * or no row was read.
   */
  record MappedPage<T>(List<T> items, boolean more, Object[] lastPosition) {}

  /**
   * Runs {@code sql}, which returns at most {@code pageSize + 1} rows, and maps the first {@code pageSize} as they
   * are read; of a further row only its existence is read. Before mapping a row, the values at
   * {@code positionColumns} (may be {@code null}) are copied aside, so the page's position survives a {@code map}
   * that overwrites its array. Everything is made inside the connection work, so a retried attempt starts afresh.
   */
  <T> MappedPage<T> selectPage(Render.Sql sql, int pageSize, int[] positionColumns,
      java.util.function.Function<Object[], T> map) throws SQLException {
    return executor.read(connection -> {
      PreparedStatement statement = StatementCache.prepare(connection, sql.text());
      Jdbc.bindAll(statement, sql.binds());
      try (ResultSet rs = statement.executeQuery()) {
        Object[] mapped = new Object[pageSize];
        // Overwritten by every row: only the last mapped row's position is handed out.
        Object[] position = positionColumns == null ? null : new Object[positionColumns.length];
        int count = 0;
        while (count < pageSize && rs.next()) {
          Object[] row = readRow(rs);
          if (position != null) {
            for (int i = 0; i < positionColumns.length; i++) {
              position[i] = row[positionColumns[i]];
            }
          }
          mapped[count++] = map.apply(row);
        }
        boolean more = count == pageSize && rs.next();
        @SuppressWarnings("unchecked")
        List<T> items = (List<T>) Arrays.asList(mapped).subList(0, count);
        return new MappedPage<>(items, more, count == 0 ? null : position);
      }
    });
  }

  Object[] readRow(ResultSet rs) throws SQLException {
    Object[] row = new Object[model.size()];
    for (int i = 0; i < row.length; i++) {
      row[i] = model.column(i).kind().read(rs, i + 1, dialect);
    }
    return row;
  }

  private void collectChanges(Map<String, ?> changes, List<Integer> columns, List<Object> values) {
    for (Map.Entry<String, ?> change : changes.entrySet()) {
      int index = resolver.indexOf(change.getKey());
      if (index == model.keyIndex()) {
        throw new InvalidInputException("KEY_NOT_CHANGEABLE", "the key column " + model.name() + "."
            + model.key().name() + " cannot be changed", Map.of("table", model.name(), "column", model.key().name()),
            null);
      }
      if (columns.contains(index)) {
        throw new InvalidInputException("DUPLICATE_COLUMN", "column " + model.name() + "."
            + model.column(index).name() + " is changed twice", Map.of("table", model.name()), null);
      }
      columns.add(index);
      Object canonical = resolver.coerce(index, change.getValue());
      requireNullable(index, canonical);
      values.add(model.column(index).kind().bindForm(canonical, dialect));
    }
  }

  /**
   * Refuses NULL for a NOT NULL column before the database sees it, as INVALID {@code NOT_NULL_VIOLATION}: the same
   * code {@link SqlErrors} gives when only the database detects it (a column left out), so callers see one code
   * for one problem whoever caught it.
   */
  void requireNullable(int index, Object canonical) {
    ColumnModel column = model.column(index);
    if (canonical == null && !column.nullable() && index != model.keyIndex()) {
      throw new InvalidInputException("NOT_NULL_VIOLATION",
          "column " + model.name() + "." + column.name() + " is NOT NULL: a value is required",
          Map.of("table", model.name(), "column", column.name()), null);
    }
  }

  private InvalidInputException noChanges(String operation) {
    return new InvalidInputException("NO_CHANGES", operation + " on " + model.name() + " needs at least one change",
        Map.of("table", model.name()), null);
  }

  private void requireFilter(Filter filter, String operation) {
    if (filter == null || filter.isEmpty()) {
      throw new InvalidInputException("FILTER_REQUIRED", operation + " on " + model.name()
          + " needs a filter; pass Filter.all() to touch every row", Map.of("table", model.name()), null);
    }
  }

  void requireKey() {
    if (!model.hasKey()) {
      throw new InvalidInputException("NO_PRIMARY_KEY", "table " + model.name()
          + " has no single-column primary key; use the filter-based operations", Map.of("table", model.name()),
          null);
    }
  }

  private Object keyBindForm(Object key) {
    if (key == null) {
      throw new InvalidInputException("INVALID_VALUE", "the key of table " + model.name() + " cannot be null",
          Map.of("table", model.name()), null);
    }
    return model.key().kind().bindForm(resolver.coerce(model.keyIndex(), key), dialect);
  }

  private boolean needsIdentity(Object[] row) {
    if (model.keyStrategy() != KeyStrategy.IDENTITY) {
      return false;
    }
    Object key = row[model.keyIndex()];
    return key == null || (key instanceof Long l && l == 0L);
  }

  private void assignRandomUuid(Object[] row) {
    if (model.keyStrategy() == KeyStrategy.RANDOM_UUID && row[model.keyIndex()] == null) {
      row[model.keyIndex()] = UUID.randomUUID();
    }
  }

  private void bindRow(PreparedStatement statement, Object[] row, int skip, int firstIndex) throws SQLException {
    int index = firstIndex;
    for (int i = 0; i < row.length; i++) {
      if (i != skip) {
        BadValueException.requireStorable(row[i], model.name(), model.column(i).name());
        Jdbc.bind(statement, index++, model.column(i).kind().bindForm(row[i], dialect));
      }
    }
  }

  static <R> Result<R> notFound(String table, Object key) {
    return Result.failure(Status.NOT_FOUND, "ROW_NOT_FOUND", "no row in table " + table + " with that key",
        Map.of("table", table));
  }
}
