package dev.cairn.sql.internal.migrate;

import dev.cairn.sql.Dialect;
import dev.cairn.sql.Schema.ColumnInfo;
import dev.cairn.sql.Schema.IndexInfo;
import dev.cairn.sql.Schema.TableInfo;
import dev.cairn.sql.internal.ModelDdl;
import dev.cairn.sql.internal.ModelDdl.ColumnShape;
import dev.cairn.sql.internal.ModelDdl.TableShape;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The steps that turn one live table into its record model. Only single-column indexes are managed (those are
 * the ones a model declares); multi-column indexes and live tables without a model are left alone. Column types
 * are not compared: the storage kind of a column is fixed once created.
 *
 * <p>Order within a table: dropped indexes and unique constraints, dropped columns, added columns, nullability,
 * added unique constraints, added indexes, so that nothing is dropped after it is needed and nothing is created
 * before its column exists. On SQLite, a change ALTER cannot make (a dropped column, a nullability change, a
 * dropped inline unique constraint) turns the whole table into one {@link SqliteRebuild} step instead.
 */
final class TableDiff {
  private final Dialect dialect;
  private final DSLContext dsl;
  private final LiveDetails details;

  TableDiff(Dialect dialect, LiveDetails details) {
    this.dialect = dialect;
    this.dsl = ModelDdl.dsl(dialect);
    this.details = details;
  }

  List<Step> diff(Class<? extends Record> type, TableInfo live) throws SQLException {
    TableShape model = ModelDdl.shape(type);
    String table = model.name();
    if (live == null) {
      return List.of(new Step("create table " + table, false, ModelDdl.create(dialect, type),
          List.of("drop table " + quote(table))));
    }
    List<ColumnShape> added = model.columns().stream().filter(c -> column(live, c.name()) == null).toList();
    List<ColumnInfo> dropped = live.columns().stream().filter(c -> model.column(c.name()) == null).toList();
    List<ColumnShape> renulled = model.columns().stream().filter(c -> !c.key() && column(live, c.name()) != null
        && column(live, c.name()).nullable() != c.nullable()).toList();
    List<ColumnShape> redefaulted = model.columns().stream().filter(c -> !c.key() && column(live, c.name()) != null
        && !Defaults.same(c.defaultValue(), column(live, c.name()).defaultValue())).toList();
    // SQLite cannot drop the zero default a NOT NULL column needs to be added to a table with rows.
    boolean addsZeroDefault = added.stream().anyMatch(c -> !c.nullable() && c.defaultValue() == null);
    List<Step> indexSteps = new ArrayList<>();
    List<Step> dropIndexSteps = new ArrayList<>();
    boolean dropsInlineUnique = false;
    for (ColumnShape column : model.columns()) {
      IndexInfo unique = index(live, column.name(), true);
      IndexInfo plain = index(live, column.name(), false);
      if (column.unique() && unique == null) {
        indexSteps.add(addUnique(table, Names.unique(table, column.name()), column.name()));
      } else if (!column.unique() && unique != null && !column.key()) {
        dropsInlineUnique |= unique.name().startsWith("sqlite_autoindex");
        dropIndexSteps.add(reverse(addUnique(table, unique.name(), column.name()), "drop unique " + unique.name()));
      }
      boolean wantsIndex = column.indexed() && !column.unique();
      if (wantsIndex && plain == null) {
        indexSteps.add(addIndex(table, Names.index(table, column.name()), column.name()));
      } else if (!wantsIndex && plain != null) {
        dropIndexSteps.add(reverse(addIndex(table, plain.name(), column.name()), "drop index " + plain.name()));
      }
    }
    if (dialect == Dialect.SQLITE && (!dropped.isEmpty() || !renulled.isEmpty() || !redefaulted.isEmpty()
        || dropsInlineUnique || addsZeroDefault)) {
      List<String> parts = new ArrayList<>();
      dropped.forEach(c -> parts.add("drop column " + table + "." + c.name()));
      added.forEach(c -> parts.add("add column " + table + "." + c.name()));
      redefaulted.forEach(c -> parts.add("default of " + table + "." + c.name()));
      renulled.forEach(c -> parts.add((c.nullable() ? "allow NULL in " : "require NOT NULL in ") + table + "."
          + c.name()));
      dropIndexSteps.forEach(step -> parts.add(step.description()));
      indexSteps.forEach(step -> parts.add(step.description()));
      return List.of(SqliteRebuild.step(type, live, details.sqliteDefinition(table), dropped, parts));
    }
    List<Step> steps = new ArrayList<>(dropIndexSteps);
    for (ColumnInfo column : dropped) {
      steps.add(dropColumn(table, column, live));
    }
    for (ColumnShape column : added) {
      List<String> forward = new ArrayList<>(List.of(ModelDdl.addColumn(dialect, type, column.name())));
      if (!column.nullable() && column.defaultValue() == null && column.zeroLiteral() != null) {
        forward.add(alter(table) + " alter column " + quote(column.name()) + " drop default");
      }
      steps.add(new Step("add column " + table + "." + column.name(), false, forward,
          List.of(alter(table) + " drop column " + quote(column.name()))));
    }
    // Defaults before nullability: MariaDB's MODIFY restates the model's default, and its undo must come last.
    for (ColumnShape column : redefaulted) {
      steps.add(defaultChange(table, column.name(), column.defaultValue(),
          column(live, column.name()).defaultValue()));
    }
    for (ColumnShape column : renulled) {
      steps.add(nullability(table, column, column(live, column.name())));
    }
    steps.addAll(indexSteps);
    return steps;
  }

  private Step dropColumn(String table, ColumnInfo column, TableInfo live) throws SQLException {
    List<String> undo = new ArrayList<>();
    // Its values are gone, so it comes back nullable; its single-column indexes come back with it.
    undo.add(alter(table) + " add column " + quote(column.name()) + " " + details.columnType(table, column.name()));
    for (IndexInfo index : live.indexes()) {
      if (index.columns().equals(List.of(column.name()))) {
        undo.addAll(index.unique() ? addUnique(table, index.name(), column.name()).forward()
            : addIndex(table, index.name(), column.name()).forward());
      }
    }
    return new Step("DESTRUCTIVE: drop column " + table + "." + column.name() + " and its data", true,
        List.of(alter(table) + " drop column " + quote(column.name())), undo);
  }

  private Step nullability(String table, ColumnShape column, ColumnInfo live) throws SQLException {
    boolean nullable = column.nullable();
    String name = column.name();
    List<String> forward = new ArrayList<>();
    String description = (nullable ? "allow NULL in " : "require NOT NULL in ") + table + "." + name;
    if (!nullable && column.zeroLiteral() != null) {
      // Rows holding NULL would make the change fail; they take the value a Java primitive would default to.
      forward.add("update " + quote(table) + " set " + quote(name) + " = " + column.zeroLiteral() + " where "
          + quote(name) + " is null");
      description += " (NULLs become " + column.zeroLiteral() + ")";
    }
    if (dialect == Dialect.POSTGRESQL) {
      String prefix = alter(table) + " alter column " + quote(name);
      forward.add(prefix + (nullable ? " drop not null" : " set not null"));
      return new Step(description, false, forward, List.of(prefix + (nullable ? " set not null" : " drop not null")));
    }
    // MODIFY restates the whole column: the live type, and the default the column has at that point (the model's
    // going forward, since defaults change first; the live one going back, since their undo comes last).
    String prefix = alter(table) + " modify " + quote(name) + " " + details.columnType(table, name);
    String liveDefault = Defaults.canonical(live.defaultValue()) == null ? "" : " default " + live.defaultValue();
    String modelDefault = column.defaultValue() == null ? "" : " default " + column.defaultValue();
    forward.add(prefix + (nullable ? " null" : " not null") + modelDefault);
    return new Step(description, false, forward, List.of(prefix + (nullable ? " not null" : " null") + liveDefault));
  }

  private Step defaultChange(String table, String column, String modelDefault, String liveDefault) {
    String prefix = alter(table) + " alter column " + quote(column);
    String live = Defaults.canonical(liveDefault) == null ? null : liveDefault;
    return new Step("default of " + table + "." + column + ": " + (live == null ? "none" : live) + " -> "
        + (modelDefault == null ? "none" : modelDefault), false,
        List.of(prefix + (modelDefault == null ? " drop default" : " set default " + modelDefault)),
        List.of(prefix + (live == null ? " drop default" : " set default " + live)));
  }

  private Step addUnique(String table, String name, String column) {
    return switch (dialect) {
      case SQLITE -> new Step("add unique " + name, false,
          List.of("create unique index " + quote(name) + " on " + quote(table) + " (" + quote(column) + ")"),
          List.of("drop index " + quote(name)));
      case POSTGRESQL -> new Step("add unique " + name, false,
          List.of(alter(table) + " add constraint " + quote(name) + " unique (" + quote(column) + ")"),
          // A unique index made without a constraint goes with the second statement.
          List.of(alter(table) + " drop constraint if exists " + quote(name), "drop index if exists " + quote(name)));
      case MARIADB, MYSQL -> new Step("add unique " + name, false,
          List.of(alter(table) + " add constraint " + quote(name) + " unique (" + quote(column) + ")"),
          List.of(alter(table) + " drop index " + quote(name)));
    };
  }

  private Step addIndex(String table, String name, String column) {
    String drop = "drop index " + quote(name) + (dialect == Dialect.MARIADB || dialect == Dialect.MYSQL
        ? " on " + quote(table) : "");
    return new Step("add index " + name, false,
        List.of("create index " + quote(name) + " on " + quote(table) + " (" + quote(column) + ")"), List.of(drop));
  }

  private static Step reverse(Step step, String description) {
    return new Step(description, false, step.undo(), step.forward());
  }

  private String alter(String table) {
    return "alter table " + quote(table);
  }

  private String quote(String name) {
    return dsl.render(DSL.name(name));
  }

  private static ColumnInfo column(TableInfo live, String name) {
    return live.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
  }

  private static IndexInfo index(TableInfo live, String column, boolean unique) {
    return live.indexes().stream().filter(i -> i.unique() == unique && i.columns().equals(List.of(column)))
        .findFirst().orElse(null);
  }
}
