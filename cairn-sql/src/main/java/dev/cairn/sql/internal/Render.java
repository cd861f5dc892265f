package dev.cairn.sql.internal;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;

/** Small jOOQ helpers: quoted names, placeholders, and a query rendered to SQL text plus its bind values. */
final class Render {
  private Render() {}

  /** SQL text with {@code ?} placeholders and the values to bind, in order. */
  record Sql(String text, List<Object> binds) {}

  static Field<Object> column(String name) {
    return DSL.field(DSL.name(name));
  }

  static org.jooq.Table<org.jooq.Record> table(String name) {
    return DSL.table(DSL.name(name));
  }

  /** The table of a model: {@code schema.table} for a table of another schema or database. */
  static org.jooq.Table<org.jooq.Record> table(TableModel model) {
    return model.schema() == null ? table(model.name())
        // A template, not a qualified name: the renderer is set not to render schemas (Cairn's own tables live in
        // the connection's current one), and would drop the qualifier.
        : DSL.table("{0}.{1}", DSL.name(model.schema()),
            DSL.name(model.name().substring(model.schema().length() + 1)));
  }

  /** A placeholder whose value the caller binds itself. */
  static Param<Object> placeholder(int index) {
    return DSL.param("p" + index, Object.class);
  }

  static List<Field<?>> columns(TableModel model) {
    List<Field<?>> fields = new ArrayList<>(model.size());
    for (ColumnModel column : model.columns()) {
      fields.add(column(column.name()));
    }
    return fields;
  }

  static Sql sql(Query query) {
    return new Sql(query.getSQL(ParamType.INDEXED), new ArrayList<>(query.getBindValues()));
  }

  static String text(Query query) {
    return query.getSQL(ParamType.INDEXED);
  }

  /** The comma-separated, quoted column list of a table, as in a select list. */
  static String columnList(DSLContext dsl, TableModel model) {
    List<String> names = new ArrayList<>(model.size());
    for (ColumnModel column : model.columns()) {
      names.add(dsl.render(DSL.name(column.name())));
    }
    return String.join(", ", names);
  }
}
