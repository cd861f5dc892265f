package dev.cairn.sql.internal;

import dev.cairn.core.CairnException;
import dev.cairn.core.Result;
import dev.cairn.sql.Schema;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** {@link Schema} reading the catalog on every call through a reader connection. */
final class LiveSchema implements Schema {
  private final SqlContext context;

  LiveSchema(SqlContext context) {
    this.context = context;
  }

  @FunctionalInterface
  private interface CatalogWork<R> {
    R run(CatalogReader reader) throws SQLException;
  }

  private <R> Result<R> read(CatalogWork<R> work) {
    try {
      return Result.ok(context.executor.read(connection ->
          work.run(new CatalogReader(connection, context.dialect, context.dsl))));
    } catch (SQLException e) {
      return context.errors.translate(e, null);
    } catch (CairnException e) {
      return Result.failure(e);
    }
  }

  @Override
  public Result<List<String>> tables() {
    return read(CatalogReader::tables);
  }

  @Override
  public Result<List<String>> tables(String schema) {
    if (context.dialect == dev.cairn.sql.Dialect.SQLITE) {
      return Result.failure(dev.cairn.core.Status.INVALID, "SCHEMAS_UNSUPPORTED",
          "SQLite has no schemas here; attached databases are not listed");
    }
    try {
      return Result.ok(context.executor.read(connection ->
          new CatalogReader(connection, context.dialect, context.dsl, schema).tables()));
    } catch (SQLException e) {
      return context.errors.translate(e, null);
    } catch (CairnException e) {
      return Result.failure(e);
    }
  }

  @Override
  public Result<List<String>> views() {
    return read(CatalogReader::views);
  }

  @Override
  public Result<TableInfo> table(String name) {
    return read(reader -> {
      List<String> tables = reader.tables();
      if (!tables.contains(name)) {
        if (reader.views().contains(name)) {
          return reader.describeView(name);
        }
        int dot = name.indexOf('.');
        if (context.dialect != dev.cairn.sql.Dialect.SQLITE && dot > 0 && dot < name.length() - 1) {
          String schema = name.substring(0, dot);
          String local = name.substring(dot + 1);
          CatalogReader other = new CatalogReader(reader.connection(), context.dialect, context.dsl, schema);
          if (other.tables().contains(local) || other.views().contains(local)) {
            return other.describeOther(schema, local);
          }
        }
        throw SchemaCache.notFound(name, tables);
      }
      return reader.describe(name);
    });
  }

  @Override
  public Result<TableStats> stats(String name) {
    return read(reader -> {
      List<String> tables = reader.tables();
      if (!tables.contains(name)) {
        throw SchemaCache.notFound(name, tables);
      }
      return reader.stats(name);
    });
  }

  @Override
  public Result<List<TableStats>> statsAll() {
    return read(reader -> {
      List<TableStats> all = new ArrayList<>();
      for (String table : reader.tables()) {
        all.add(reader.stats(table));
      }
      return all;
    });
  }

  @Override
  public Result<List<TableInfo>> describeAll() {
    return read(reader -> {
      List<TableInfo> all = new ArrayList<>();
      for (String table : reader.tables()) {
        all.add(reader.describe(table));
      }
      return all;
    });
  }
}
