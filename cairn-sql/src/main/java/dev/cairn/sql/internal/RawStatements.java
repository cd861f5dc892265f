package dev.cairn.sql.internal;

import dev.cairn.core.CairnException;
import dev.cairn.core.Result;
import dev.cairn.core.Status;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/** {@link dev.cairn.sql.Session#execute}: one trusted statement with bound parameters, errors translated. */
final class RawStatements {
  private RawStatements() {}

  static Result<Integer> execute(SqlContext context, Executor executor, String sql, Object[] params) {
    if (sql == null || sql.isBlank()) {
      return Result.failure(Status.INVALID, "EMPTY_SQL", "execute needs a SQL statement");
    }
    List<Object> values = params == null ? List.of() : Arrays.asList(params);
    Supplier<Result<Integer>> once = () -> {
      try {
        return Result.ok(executor.atomic(connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            // As for queries: instants, dates, UUIDs in Cairn's stored form, maps and lists as JSON.
            RawQueries.bindAll(context, statement, values);
            statement.execute();
            return Math.max(statement.getUpdateCount(), 0);
          }
        }));
      } catch (SQLException e) {
        return context.errors.translate(e, null);
      } catch (CairnException e) {
        return Result.failure(e); // a parameter refused before the statement ran (INVALID_UNICODE)
      }
    };
    Result<Integer> result = executor.retriesStatements() ? context.withRetry(once) : once.get();
    // The statement may have created, altered or dropped tables: the next dynamic access re-reads the catalog.
    context.schemaCache.invalidate();
    return result;
  }
}
