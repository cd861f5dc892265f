package dev.cairn.sql.internal;

import dev.cairn.sql.Dialect;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Constraint;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultDataType;
import org.jooq.impl.SQLDataType;

/**
 * CREATE TABLE / INDEX statements for a {@link TableModel}, rendered by jOOQ per dialect. On SQLite the declared
 * types name what Cairn stores ({@code timestamp} for instants, {@code datetime}, {@code date}), so dynamic
 * access can convert the text back; unique and indexed text columns get VARCHAR(255) where a dialect needs a
 * bound length to index.
 */
final class Ddl {
  private Ddl() {}

  static List<String> create(DSLContext dsl, Dialect dialect, TableModel model) {
    var create = dsl.createTableIfNotExists(Render.table(model));
    for (int i = 0; i < model.size(); i++) {
      ColumnModel column = model.column(i);
      boolean identity = i == model.keyIndex() && model.keyStrategy() == KeyStrategy.IDENTITY;
      DataType<?> type = identity ? SQLDataType.BIGINT.identity(true) : type(dialect, column, i == model.keyIndex());
      create = create.column(Render.column(column.name()).getName(), withDefault(type.nullable(column.nullable()),
          column.defaultValue()));
    }
    List<Constraint> constraints = new ArrayList<>();
    boolean sqliteIdentity = dialect == Dialect.SQLITE && model.keyStrategy() == KeyStrategy.IDENTITY;
    if (model.hasKey() && !sqliteIdentity) {
      constraints.add(DSL.constraint(DSL.name("pk_" + model.name())).primaryKey(Render.column(model.key().name())));
    }
    for (ColumnModel column : model.columns()) {
      if (column.unique()) {
        constraints.add(DSL.constraint(DSL.name(uniqueName(model.name(), column.name())))
            .unique(Render.column(column.name())));
      }
    }
    List<String> statements = new ArrayList<>();
    statements.add(constraints.isEmpty() ? create.getSQL() : create.constraints(constraints).getSQL());
    for (ColumnModel column : model.columns()) {
      if (column.indexed() && !column.unique()) {
        statements.add(dsl.createIndexIfNotExists(DSL.name("ix_" + model.name() + "_" + column.name()))
            .on(Render.table(model), Render.column(column.name())).getSQL());
      }
    }
    return statements;
  }

  /** The type with the column's declared DEFAULT literal, if any (checked by {@link RecordMapping}). */
  static <T> DataType<T> withDefault(DataType<T> type, String literal) {
    return literal == null ? type : type.defaultValue(DSL.field(DSL.sql(literal), type));
  }

  static String uniqueName(String table, String column) {
    return "uk_" + table + "_" + column;
  }

  static String drop(DSLContext dsl, TableModel model) {
    return dsl.dropTableIfExists(Render.table(model)).getSQL();
  }

  static DataType<?> type(Dialect dialect, ColumnModel column, boolean key) {
    boolean server = dialect != Dialect.SQLITE;
    boolean needsBound = server && dialect != Dialect.POSTGRESQL && (column.unique() || column.indexed() || key);
    return switch (column.kind()) {
      case STRING, JSON -> column.length() > 0 ? SQLDataType.VARCHAR(column.length())
          : needsBound ? SQLDataType.VARCHAR(255) : SQLDataType.CLOB;
      case LONG -> SQLDataType.BIGINT;
      case DOUBLE -> SQLDataType.DOUBLE;
      case DECIMAL -> dialect == Dialect.POSTGRESQL ? SQLDataType.NUMERIC : SQLDataType.DECIMAL(38, 10);
      case BOOLEAN -> SQLDataType.BOOLEAN;
      case INSTANT -> switch (dialect) {
        case POSTGRESQL -> SQLDataType.TIMESTAMPWITHTIMEZONE(6);
        case MARIADB, MYSQL -> SQLDataType.TIMESTAMP(6);
        case SQLITE -> custom("timestamp");
      };
      case LOCAL_DATE_TIME -> dialect == Dialect.SQLITE ? custom("datetime") : SQLDataType.TIMESTAMP(6);
      case LOCAL_DATE -> dialect == Dialect.SQLITE ? custom("date") : SQLDataType.LOCALDATE;
      case UUID_KIND -> dialect == Dialect.POSTGRESQL ? SQLDataType.UUID : SQLDataType.CHAR(36);
      case BYTES -> SQLDataType.BLOB;
      // JSON components are stored as text, as they always were (a migration sees no change); arrays only come
      // from tables Cairn reads, never from records.
      case ARRAY -> SQLDataType.CLOB;
    };
  }

  private static DataType<?> custom(String typeName) {
    // jOOQ's SQLite rendering has no "timestamp"/"date" names of its own; a named default type renders verbatim.
    return DefaultDataType.getDefaultDataType(typeName);
  }
}
