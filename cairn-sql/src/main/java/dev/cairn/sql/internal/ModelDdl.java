package dev.cairn.sql.internal;

import dev.cairn.sql.Dialect;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.SQLDialect;
import org.jooq.conf.ParamCastMode;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The record models and the DDL the CRUD engine would create for them, opened to the migration generator
 * ({@code dev.cairn.sql.internal.migrate}) so that a migration creates exactly what {@code Table.create()} creates.
 * Not API. Thread-safe (stateless).
 */
public final class ModelDdl {
  private ModelDdl() {}

  /**
   * One column of a model.
   *
   * @param zeroLiteral the SQL literal of the Java zero value for this column's kind ({@code 0}, {@code false},
   *     {@code ''}), used as the default when a NOT NULL column is added to a table that may hold rows; {@code null}
   *     for kinds without one (dates, UUIDs, bytes)
   * @param defaultValue the declared DEFAULT literal, or {@code null}
   */
  public record ColumnShape(String name, boolean nullable, boolean unique, boolean indexed, boolean key,
      String zeroLiteral, String defaultValue) {}

  /** A model's table: its name and columns in record order. */
  public record TableShape(String name, List<ColumnShape> columns) {
    public TableShape {
      columns = List.copyOf(columns);
    }

    /** The column with this stored name, or {@code null}. */
    public ColumnShape column(String columnName) {
      return columns.stream().filter(c -> c.name().equals(columnName)).findFirst().orElse(null);
    }
  }

  /**
   * The table a record maps to.
   *
   * @throws dev.cairn.core.InvalidInputException {@code INVALID_RECORD} when the type cannot be mapped
   */
  public static TableShape shape(Class<? extends Record> type) {
    TableModel model = RecordMapping.modelOf(type);
    List<ColumnShape> columns = new ArrayList<>();
    for (int i = 0; i < model.size(); i++) {
      ColumnModel column = model.column(i);
      columns.add(new ColumnShape(column.name(), column.nullable(), column.unique(), column.indexed(),
          i == model.keyIndex(), zeroLiteral(column.kind()), column.defaultValue()));
    }
    return new TableShape(model.name(), columns);
  }

  /** CREATE TABLE followed by CREATE INDEX statements, as {@code Table.create()} runs them. */
  public static List<String> create(Dialect dialect, Class<? extends Record> type) {
    return Ddl.create(dsl(dialect), dialect, RecordMapping.modelOf(type));
  }

  /**
   * {@code ALTER TABLE ... ADD COLUMN} for one column of the model, with its declared default; a NOT NULL column
   * without one gets its kind's zero value as default so that existing rows can take it (the caller drops that
   * default again afterwards where the model has none).
   */
  public static String addColumn(Dialect dialect, Class<? extends Record> type, String column) {
    TableModel model = RecordMapping.modelOf(type);
    int index = model.indexOf(column);
    ColumnModel columnModel = model.column(index);
    DataType<?> dataType = Ddl.type(dialect, columnModel, false).nullable(columnModel.nullable());
    String literal = columnModel.defaultValue();
    String zero = zeroLiteral(columnModel.kind());
    if (literal == null && !columnModel.nullable() && zero != null) {
      literal = dialect == Dialect.POSTGRESQL ? zero : sqlZero(zero);
    }
    return dsl(dialect).alterTable(DSL.name(model.name())).addColumn(DSL.name(column), Ddl.withDefault(dataType,
        literal)).getSQL();
  }

  /** A jOOQ context rendering like the databases Cairn opens: every name quoted, no schema prefix. */
  public static DSLContext dsl(Dialect dialect) {
    SQLDialect rendering = switch (dialect) {
      case SQLITE -> SQLDialect.SQLITE;
      case POSTGRESQL -> SQLDialect.POSTGRES;
      case MARIADB -> SQLDialect.MARIADB;
      case MYSQL -> SQLDialect.MYSQL;
    };
    return DSL.using(rendering, new Settings()
        .withRenderFormatted(false)
        .withParamCastMode(ParamCastMode.NEVER)
        .withRenderQuotedNames(RenderQuotedNames.ALWAYS)
        .withRenderSchema(false)
        .withExecuteLogging(false));
  }

  private static String zeroLiteral(ValueKind kind) {
    return switch (kind) {
      case LONG, DOUBLE, DECIMAL -> "0";
      case BOOLEAN -> "false";
      case STRING, JSON -> "''";
      default -> null;
    };
  }

  /** SQLite and MariaDB store booleans as integers. */
  private static String sqlZero(String zero) {
    return zero.equals("false") ? "0" : zero;
  }
}
