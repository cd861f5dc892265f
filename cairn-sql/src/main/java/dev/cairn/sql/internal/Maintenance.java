package dev.cairn.sql.internal;

import dev.cairn.core.Result;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * {@link dev.cairn.sql.Database#vacuumAnalyze}: statements that cannot run in a transaction (PostgreSQL VACUUM,
 * SQLite VACUUM) run one by one in auto-commit on the writer connection. Table names are checked against the
 * catalog and quoted, never pasted.
 */
final class Maintenance {
  private Maintenance() {}

  static Result<Void> vacuumAnalyze(SqlContext context, String table) {
    return RawQueries.run(context, true, () -> {
      List<String> tables = context.executor.read(connection ->
          new CatalogReader(connection, context.dialect, context.dsl).tables());
      if (table != null && !tables.contains(table)) {
        throw SchemaCache.notFound(table, tables);
      }
      List<String> quoted = (table == null ? tables : List.of(table)).stream()
          .map(name -> context.dsl.render(Render.table(name))).toList();
      for (String sql : RawQueries.maintenance(context.dialect, quoted, table == null)) {
        context.executor.write(connection -> {
          if (context.dialect == dev.cairn.sql.Dialect.SQLITE) {
            // SQLite refuses VACUUM while a statement is in progress on the connection, which a cached (stepped,
            // not yet reset) statement counts as: close them; they are prepared again when next needed.
            StatementCache.evict(connection, new SQLException("statement cache cleared for VACUUM"));
          }
          try (Statement statement = connection.createStatement()) {
            drain(statement, statement.execute(sql));
          }
          return null;
        });
      }
      context.schemaCache.invalidate();
      return null;
    });
  }

  /** MariaDB's OPTIMIZE/ANALYZE TABLE answer with result sets; reading them to the end completes the statement. */
  private static void drain(Statement statement, boolean resultSet) throws SQLException {
    boolean more = resultSet;
    while (more || statement.getUpdateCount() != -1) {
      if (more) {
        try (var rs = statement.getResultSet()) {
          while (rs.next()) {
            // only consumed
          }
        }
      }
      more = statement.getMoreResults();
    }
  }
}
