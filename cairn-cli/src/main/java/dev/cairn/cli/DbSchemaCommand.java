package dev.cairn.cli;

import dev.cairn.sql.Database;
import dev.cairn.sql.Schema.ColumnInfo;
import dev.cairn.sql.Schema.ForeignKeyInfo;
import dev.cairn.sql.Schema.IndexInfo;
import dev.cairn.sql.Schema.TableInfo;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn db schema TABLE}: one table's columns, key, indexes and foreign keys as the database has them. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = "Describe one table: columns (type, nullability, default), primary key, indexes, foreign keys.")
final class DbSchemaCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TABLE", description = "The table, as stored.")
  private String table;

  @Mixin
  private DatabaseOption database;

  @Mixin
  private OutputFormat format;

  @Override
  public Integer call() {
    try (Database db = database.open(spec)) {
      TableInfo info = db.schema().table(table).orElseThrow();
      PrintStream out = Terminal.of(spec).out();
      if (format.json()) {
        OutputFormat.printJson(out, info);
      } else {
        print(out, info);
      }
      return ExitCodes.OK;
    }
  }

  private static void print(PrintStream out, TableInfo info) {
    out.println("table " + DisplayValue.text(info.name(), 0) + " (" + info.rowCount() + " rows"
        + (info.sizeBytes() == null ? "" : ", " + info.sizeBytes() + " bytes") + ")");
    out.println();
    TablePrinter columns = new TablePrinter(List.of("column", "type", "null", "default", "key"));
    for (ColumnInfo column : info.columns()) {
      String key = info.primaryKey().contains(column.name()) ? "PK" : "";
      columns.add(Arrays.asList(column.name(), column.type(), column.nullable() ? "yes" : "no",
          column.autoIncrement() ? "(auto)" : column.defaultValue(), key));
    }
    columns.print(out);
    if (!info.indexes().isEmpty()) {
      out.println();
      TablePrinter indexes = new TablePrinter(List.of("index", "columns", "unique"));
      for (IndexInfo index : info.indexes()) {
        indexes.add(Arrays.asList(index.name(), String.join(", ", index.columns()), index.unique() ? "yes" : "no"));
      }
      indexes.print(out);
    }
    if (!info.foreignKeys().isEmpty()) {
      out.println();
      TablePrinter foreignKeys = new TablePrinter(List.of("foreign key", "columns", "references"));
      for (ForeignKeyInfo foreignKey : info.foreignKeys()) {
        foreignKeys.add(Arrays.asList(foreignKey.name(), String.join(", ", foreignKey.columns()),
            foreignKey.referencedTable() + "(" + String.join(", ", foreignKey.referencedColumns()) + ")"));
      }
      foreignKeys.print(out);
    }
  }
}
