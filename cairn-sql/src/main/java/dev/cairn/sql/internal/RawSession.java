package dev.cairn.sql.internal;

import dev.cairn.core.Result;
import dev.cairn.core.Status;
import dev.cairn.sql.Row;
import dev.cairn.sql.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The raw-SQL half of a {@link Session}, shared by the database and its transactions; see {@link RawQueries}. */
abstract class RawSession implements Session {
  final SqlContext context;

  RawSession(SqlContext context) {
    this.context = context;
  }

  /** The executor calls of this session run on. */
  abstract Executor executor();

  private RawQueries.Bound positional(String sql, Object[] params) {
    return RawQueries.Bound.positional(sql, params);
  }

  private RawQueries.Bound named(String sql, Map<String, ?> params) {
    return RawQueries.Bound.named(sql, params, context.dialect);
  }

  @Override
  public Result<Integer> execute(String sql, Object... params) {
    return context.observation.observed("sql_execute", () -> RawStatements.execute(context, executor(), sql, params));
  }

  @Override
  public Result<List<Row>> query(String sql, Object... params) {
    return context.observation.observed("sql_query", () ->
        RawQueries.query(context, executor(), () -> positional(sql, params)));
  }

  @Override
  public Result<List<Row>> query(String sql, Map<String, ?> params) {
    return context.observation.observed("sql_query", () ->
        RawQueries.query(context, executor(), () -> named(sql, params)));
  }

  @Override
  public <T extends Record> Result<List<T>> query(String sql, Class<T> type, Object... params) {
    return context.observation.observed("sql_query", () ->
        RawQueries.queryAs(context, executor(), type, () -> positional(sql, params)));
  }

  @Override
  public <T extends Record> Result<List<T>> query(String sql, Class<T> type, Map<String, ?> params) {
    return context.observation.observed("sql_query", () ->
        RawQueries.queryAs(context, executor(), type, () -> named(sql, params)));
  }

  @Override
  public Result<Row> queryOne(String sql, Object... params) {
    return context.observation.observed("sql_query_one", () ->
        RawQueries.queryOne(context, executor(), () -> positional(sql, params)));
  }

  @Override
  public Result<Row> queryOne(String sql, Map<String, ?> params) {
    return context.observation.observed("sql_query_one", () ->
        RawQueries.queryOne(context, executor(), () -> named(sql, params)));
  }

  @Override
  public Result<Long> stream(String sql, List<?> params, Consumer<? super Row> each) {
    return context.observation.observed("sql_stream", () -> {
      return RawQueries.stream(context, executor(),
          () -> positional(sql, params == null ? null : params.toArray()), each);
    });
  }

  @Override
  public Result<Long> stream(String sql, Map<String, ?> params, Consumer<? super Row> each) {
    return context.observation.observed("sql_stream", () ->
        RawQueries.stream(context, executor(), () -> named(sql, params), each));
  }

  @Override
  public Result<Long> stream(String sql, List<?> params, Consumer<? super List<String>> columns,
      Consumer<? super Row> each) {
    return RawQueries.stream(context, executor(),
        () -> positional(sql, params == null ? null : params.toArray()), columns, each);
  }

  @Override
  public Result<Long> stream(String sql, Map<String, ?> params, Consumer<? super List<String>> columns,
      Consumer<? super Row> each) {
    return RawQueries.stream(context, executor(), () -> named(sql, params), columns, each);
  }

  @Override
  public Result<Integer> executeMany(String sql, List<? extends Map<String, ?>> paramsPerRow) {
    return context.observation.observed("sql_execute_many", () ->
        RawQueries.executeMany(context, executor(), sql, paramsPerRow == null ? List.of() : paramsPerRow));
  }

  @Override
  public Result<Integer> executeScript(String script) {
    return context.observation.observed("sql_execute_script", () ->
        RawQueries.executeScript(context, executor(), script));
  }

  @Override
  public Result<Integer> executeScript(Path script) {
    String text;
    try {
      text = Files.readString(script, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Result.failure(Status.NOT_FOUND, "FILE_NOT_FOUND", "no script file " + script);
    } catch (IOException e) {
      return Result.failure(Status.INVALID, "FILE_UNREADABLE", "cannot read script file " + script + ": "
          + e.getClass().getSimpleName());
    }
    return executeScript(text);
  }
}
