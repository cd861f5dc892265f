package dev.cairn.sql.conformance;

import dev.cairn.sql.Database;
import dev.cairn.sql.Query;
import dev.cairn.sql.Schema;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything in a database that hostile input must not change: every table's columns and every row, as text.
 * Two snapshots are equal exactly when nothing visible was changed.
 */
public record TableSnapshot(Map<String, List<String>> tables) {
  private static final int MAX_ROWS = 1000;

  public TableSnapshot {
    tables = Map.copyOf(tables);
  }

  /** Reads every table through {@link Database#rows}; fails the test if any read fails. */
  public static TableSnapshot of(Database db) {
    Map<String, List<String>> tables = new TreeMap<>();
    for (String table : Expect.ok(db.schema().tables())) {
      List<String> lines = new ArrayList<>();
      Schema.TableInfo info = Expect.ok(db.schema().table(table));
      lines.add("columns " + info.columns().stream().map(Schema.ColumnInfo::name).toList());
      lines.add("rows " + info.rowCount());
      for (Map<String, Object> row : Expect.ok(db.rows(table).query(Query.all().limit(MAX_ROWS))).items()) {
        lines.add(render(row));
      }
      tables.put(table, lines);
    }
    return new TableSnapshot(tables);
  }

  private static String render(Map<String, Object> row) {
    Map<String, String> sorted = new TreeMap<>();
    row.forEach((column, value) ->
        sorted.put(column, value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(value)));
    return sorted.toString();
  }
}
