package dev.cairn.cli;

import dev.cairn.sql.Database;
import dev.cairn.sql.Schema.TableInfo;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cairn db tables}: the user tables with their column and row counts. */
@Command(
    name = "tables",
    mixinStandardHelpOptions = true,
    description = "List the tables with their columns, exact row counts and on-disk size where the database tells.")
final class DbTablesCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Mixin
  private DatabaseOption database;

  @Mixin
  private OutputFormat format;

  @Override
  public Integer call() {
    try (Database db = database.open(spec)) {
      List<TableInfo> tables = db.schema().describeAll().orElseThrow();
      print(Terminal.of(spec).out(), tables);
      return ExitCodes.OK;
    }
  }

  private void print(PrintStream out, List<TableInfo> tables) {
    if (format.json()) {
      List<Map<String, Object>> rows = tables.stream().map(DbTablesCommand::summary).toList();
      OutputFormat.printJson(out, Map.of("success", true, "tables", rows));
      return;
    }
    TablePrinter printer = new TablePrinter(List.of("table", "columns", "rows", "size"));
    for (TableInfo table : tables) {
      printer.add(Arrays.asList(table.name(), table.columns().size(), table.rowCount(), table.sizeBytes()));
    }
    printer.print(out);
  }

  private static Map<String, Object> summary(TableInfo table) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("name", table.name());
    summary.put("columns", table.columns().size());
    summary.put("rows", table.rowCount());
    summary.put("size_bytes", table.sizeBytes());
    return summary;
  }
}
