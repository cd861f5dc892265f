package dev.cairn.sql.internal.migrate;

import dev.cairn.sql.Dialect;
import dev.cairn.sql.Schema.ColumnInfo;
import dev.cairn.sql.Schema.TableInfo;
import dev.cairn.sql.internal.ModelDdl;
import dev.cairn.sql.internal.ModelDdl.ColumnShape;
import dev.cairn.sql.internal.ModelDdl.TableShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SQLite's answer to the ALTERs it lacks: rename the table aside, create it anew, copy the rows, drop the old one,
 * create the indexes (the procedure of SQLite's "Making Other Kinds Of Table Schema Changes"). The new table is
 * created by the same DDL as {@code Table.create()}; the undo recreates the table from the exact CREATE texts kept
 * in {@code sqlite_master}, so a downgrade restores the schema byte for byte.
 *
 * <p>Copying keeps every column both shapes have. A column that must not be NULL but has no value to copy (new, or
 * NULL in the old rows) takes its declared default, else its type's zero value ({@code 0} or {@code ''}), as a
 * Java primitive would. The
 * indexes are created only after the old table is dropped, because index names live in one namespace and the
 * renamed table still holds the old ones until then. Foreign keys pointing at the table would follow the rename;
 * Cairn's models declare none.
 */
final class SqliteRebuild {
  private static final String ASIDE_PREFIX = "_cairn_rebuild_";

  private SqliteRebuild() {}

  /**
   * The rebuild of one table.
   *
   * @param parts what the rebuild changes, for its description
   */
  static Step step(Class<? extends Record> type, TableInfo live, List<String> liveDefinition,
      List<ColumnInfo> dropped, List<String> parts) {
    TableShape model = ModelDdl.shape(type);
    String table = model.name();
    List<String> create = ModelDdl.create(Dialect.SQLITE, type);
    List<String> forward = new ArrayList<>();
    forward.addAll(moveAside(table));
    forward.add(create.getFirst());
    forward.add(copy(table, toModel(model, live)));
    forward.add("drop table " + quote(ASIDE_PREFIX + table));
    forward.addAll(create.subList(1, create.size()));

    List<String> undo = new ArrayList<>();
    undo.addAll(moveAside(table));
    undo.add(liveDefinition.getFirst());
    undo.add(copy(table, toLive(model, live)));
    undo.add("drop table " + quote(ASIDE_PREFIX + table));
    undo.addAll(liveDefinition.subList(1, liveDefinition.size()));

    boolean destructive = !dropped.isEmpty();
    String description = (destructive ? "DESTRUCTIVE: rebuild table " + table + " dropping "
        + String.join(", ", dropped.stream().map(c -> table + "." + c.name()).toList()) + " and their data"
        : "rebuild table " + table) + " (SQLite cannot ALTER this): " + String.join("; ", parts);
    return new Step(description, destructive, forward, undo);
  }

  private static List<String> moveAside(String table) {
    return List.of("alter table " + quote(table) + " rename to " + quote(ASIDE_PREFIX + table));
  }

  /** Target column to the expression that fills it from the old table. */
  private record Assignment(String column, String expression) {}

  private static List<Assignment> toModel(TableShape model, TableInfo live) {
    List<Assignment> assignments = new ArrayList<>();
    for (ColumnShape column : model.columns()) {
      boolean exists = live.columns().stream().anyMatch(c -> c.name().equals(column.name()));
      String zero = column.nullable() ? null : column.defaultValue() != null ? column.defaultValue()
          : column.zeroLiteral();
      // A new column with a declared default is left out of the copy, so the default fills it.
      String expression = exists ? fill(quote(column.name()), zero) : column.defaultValue() != null ? null : zero;
      if (expression != null) {
        assignments.add(new Assignment(column.name(), expression.equals("false") ? "0" : expression));
      }
    }
    return assignments;
  }

  private static List<Assignment> toLive(TableShape model, TableInfo live) {
    List<Assignment> assignments = new ArrayList<>();
    for (ColumnInfo column : live.columns()) {
      boolean exists = model.column(column.name()) != null;
      String zero = column.nullable() ? null : zeroFor(column.type());
      String expression = exists ? fill(quote(column.name()), zero) : zero;
      if (expression != null) {
        assignments.add(new Assignment(column.name(), expression));
      }
    }
    return assignments;
  }

  private static String fill(String column, String zero) {
    return zero == null ? column : "coalesce(" + column + ", " + zero + ")";
  }

  /** SQLite's type affinity rules, reduced to: numeric affinities get 0, everything else ''. */
  private static String zeroFor(String declaredType) {
    String type = String.valueOf(declaredType).toUpperCase(Locale.ROOT);
    boolean numeric = type.contains("INT") || type.contains("REAL") || type.contains("FLOA") || type.contains("DOUB")
        || type.contains("NUM") || type.contains("DEC") || type.contains("BOOL");
    return numeric ? "0" : "''";
  }

  private static String copy(String table, List<Assignment> assignments) {
    String columns = String.join(", ", assignments.stream().map(a -> quote(a.column())).toList());
    String values = String.join(", ", assignments.stream().map(Assignment::expression).toList());
    return "insert into " + quote(table) + " (" + columns + ") select " + values + " from "
        + quote(ASIDE_PREFIX + table);
  }

  private static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
