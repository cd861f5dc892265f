package dev.cairn.sql.internal;

import dev.cairn.core.InvalidInputException;
import dev.cairn.sql.Dialect;
import dev.cairn.sql.Filter;
import dev.cairn.sql.Sort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/**
 * Turns {@link Filter}s and {@link Sort}s into jOOQ conditions and order clauses over a table's checked columns,
 * with every value converted to its column's type and bound, never inlined.
 *
 * <p>Keyset paging: the condition "after (v1, ..., vn)" is expanded to
 * {@code (k1 > v1) OR (k1 = v1 AND k2 > v2) ...} with each comparison flipped for descending keys, and NULLs
 * placed where the dialect sorts them (largest on PostgreSQL, smallest elsewhere), so no ORDER BY needs a
 * NULLS FIRST/LAST clause that would stop the database from using an index. The expansion is led by a redundant
 * range on the first key ({@code k1 >= v1}, or {@code <=} descending) wherever no NULL can come after the
 * position: databases do not derive an index range from the OR (PostgreSQL walks the index from its start and
 * filters every row before the position, so a deep keyset page cost as much as its OFFSET), but they start one
 * at that bound. A NOT NULL column needs no NULL branches at all.
 */
final class QueryRenderer {
  private final ColumnResolver resolver;
  private final Dialect dialect;
  private final List<Object> binds = new ArrayList<>();

  QueryRenderer(ColumnResolver resolver, Dialect dialect) {
    this.resolver = resolver;
    this.dialect = dialect;
  }

  Condition condition(Filter filter) {
    return switch (filter) {
      case Filter.Compare compare -> compare(compare);
      case Filter.In in -> in(in);
      case Filter.Like like -> like(like);
      case Filter.IsNull isNull -> isNull.negated() ? field(isNull.column()).isNotNull()
          : field(isNull.column()).isNull();
      case Filter.And and -> DSL.and(conditions(and.parts()));
      case Filter.Or or -> or.parts().isEmpty() ? DSL.falseCondition() : DSL.or(conditions(or.parts()));
      case Filter.Not not -> DSL.not(condition(not.filter()));
      case Filter.All all -> DSL.trueCondition();
    };
  }

  private List<Condition> conditions(List<Filter> parts) {
    List<Condition> conditions = new ArrayList<>(parts.size());
    for (Filter part : parts) {
      conditions.add(condition(part));
    }
    return conditions;
  }

  private Condition compare(Filter.Compare compare) {
    int index = resolver.indexOf(compare.column());
    Field<Object> field = Render.column(resolver.model().column(index).name());
    Object value = resolver.coerce(index, compare.value());
    if (value == null) {
      requireNullComparable(compare, index);
      return compare.op() == Filter.Op.EQ ? field.isNull() : field.isNotNull();
    }
    Field<Object> bound = bound(index, value);
    return switch (compare.op()) {
      case EQ -> field.eq(bound);
      case NE -> field.ne(bound);
      case GT -> field.gt(bound);
      case GE -> field.ge(bound);
      case LT -> field.lt(bound);
      case LE -> field.le(bound);
    };
  }

  /** Only EQ and NE compare with null (as IS NULL, IS NOT NULL); anything else is INVALID_VALUE. */
  private void requireNullComparable(Filter.Compare compare, int index) {
    if (compare.op() != Filter.Op.EQ && compare.op() != Filter.Op.NE) {
      throw new InvalidInputException("INVALID_VALUE",
          "cannot compare column " + resolver.model().name() + "." + resolver.model().column(index).name()
              + " with null using " + compare.op(), Map.of("table", resolver.model().name()), null);
    }
  }

  private Condition in(Filter.In in) {
    int index = resolver.indexOf(in.column());
    Field<Object> field = Render.column(resolver.model().column(index).name());
    if (in.values().isEmpty()) {
      return DSL.falseCondition();
    }
    List<Field<?>> values = new ArrayList<>(in.values().size());
    boolean hasNull = false;
    for (Object raw : in.values()) {
      Object value = resolver.coerce(index, raw);
      if (value == null) {
        hasNull = true;
      } else {
        values.add(bound(index, value));
      }
    }
    Condition condition = values.isEmpty() ? DSL.falseCondition() : field.in(values);
    return hasNull ? condition.or(field.isNull()) : condition;
  }

  private Condition like(Filter.Like like) {
    int index = resolver.indexOf(like.column());
    ColumnModel column = likeColumn(index);
    return DSL.field(DSL.name(column.name()), String.class).like(bindTyped(like.pattern()));
  }

  private ColumnModel likeColumn(int index) {
    ColumnModel column = resolver.model().column(index);
    if (column.kind() != ValueKind.STRING) {
      throw new BadValueException(resolver.model().name(), column.name(), "LIKE needs a text column");
    }
    return column;
  }

  /**
   * Adds the values {@link #condition} would bind for {@code filter}, in the same order and with the same checks
   * and failures, without building the condition: for a query whose SQL is already rendered for its shape
   * ({@link RenderedQueries}), where building jOOQ's tree again only to throw it away showed in profiles.
   */
  void collectBinds(Filter filter) {
    switch (filter) {
      case Filter.Compare compare -> {
        int index = resolver.indexOf(compare.column());
        Object value = resolver.coerce(index, compare.value());
        if (value == null) {
          requireNullComparable(compare, index);
        } else {
          binds.add(resolver.model().column(index).kind().bindForm(value, dialect));
        }
      }
      case Filter.In in -> {
        int index = resolver.indexOf(in.column());
        for (Object raw : in.values()) {
          Object value = resolver.coerce(index, raw);
          if (value != null) {
            binds.add(resolver.model().column(index).kind().bindForm(value, dialect));
          }
        }
      }
      case Filter.Like like -> {
        likeColumn(resolver.indexOf(like.column()));
        binds.add(like.pattern());
      }
      case Filter.IsNull isNull -> resolver.indexOf(isNull.column());
      case Filter.And and -> and.parts().forEach(this::collectBinds);
      case Filter.Or or -> or.parts().forEach(this::collectBinds);
      case Filter.Not not -> collectBinds(not.filter());
      case Filter.All all -> { }
    }
  }

  /** Adds the values {@link #after} would bind, in the same order, without building the condition. */
  void collectAfterBinds(List<Integer> columns, List<Boolean> descending, List<Object> values) {
    for (int i = 0; i < columns.size(); i++) {
      Object value = values.get(i);
      if (value != null) {
        Object driverValue = resolver.model().column(columns.get(i)).kind().bindForm(value, dialect);
        binds.add(driverValue); // strictly after
        binds.add(driverValue); // equal, for the columns after it
      }
    }
    if (leadingRange(columns, descending, values)) {
      binds.add(resolver.model().column(columns.getFirst()).kind().bindForm(values.getFirst(), dialect));
    }
  }

  /** Adds a value as {@link #bindTyped} would, without its jOOQ parameter. */
  void collectBind(Object driverValue) {
    binds.add(driverValue);
  }

  private Field<Object> field(String column) {
    return Render.column(resolver.model().column(resolver.indexOf(column)).name());
  }

  private Field<Object> bound(int index, Object canonical) {
    return bind(resolver.model().column(index).kind().bindForm(canonical, dialect));
  }

  /**
   * A parameter named after its position in {@link #binds()}: {@link RenderedQueries} maps the names back to
   * positions, so a cached rendering can take the values of a later query of the same shape.
   */
  Field<Object> bind(Object driverValue) {
    return bindTyped(driverValue);
  }

  /** As {@link #bind}, typed for jOOQ methods that need a typed field (LIMIT, LIKE). */
  <T> Field<T> bindTyped(T driverValue) {
    binds.add(driverValue);
    return DSL.param("b" + (binds.size() - 1), driverValue);
  }

  /** The driver values of every parameter created so far, in creation order. */
  List<Object> binds() {
    return binds;
  }

  /**
   * Column indexes of the effective sort: the given keys, then the primary key when {@code appendKey}. The key
   * takes the direction of the last sort key (see {@link Pager}), so an index on that column, which holds equal
   * values in key order, still yields the whole order by scanning in one direction.
   */
  List<Integer> sortColumns(List<Sort> sort, boolean appendKey) {
    List<Integer> columns = new ArrayList<>();
    for (Sort key : sort) {
      columns.add(resolver.indexOf(key.column()));
    }
    TableModel model = resolver.model();
    if ((columns.isEmpty() || appendKey) && model.hasKey() && !columns.contains(model.keyIndex())) {
      columns.add(model.keyIndex());
    }
    return columns;
  }

  List<SortField<?>> orderBy(List<Integer> columns, List<Boolean> descending) {
    List<SortField<?>> fields = new ArrayList<>(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      Field<Object> field = Render.column(resolver.model().column(columns.get(i)).name());
      fields.add(descending.get(i) ? field.desc() : field.asc());
    }
    return fields;
  }

  /** Rows strictly after the position {@code values} in the order given by columns and directions. */
  Condition after(List<Integer> columns, List<Boolean> descending, List<Object> values) {
    Condition expansion = expansion(columns, descending, values);
    if (!leadingRange(columns, descending, values)) {
      return expansion;
    }
    int first = columns.getFirst();
    Field<Object> field = Render.column(resolver.model().column(first).name());
    Field<Object> bound = bound(first, values.getFirst());
    return (descending.getFirst() ? field.le(bound) : field.ge(bound)).and(expansion);
  }

  /** Whether {@link #after} leads with a range on the first key: where no NULL can come after the position. */
  private boolean leadingRange(List<Integer> columns, List<Boolean> descending, List<Object> values) {
    return values.getFirst() != null && !(nullable(columns.getFirst()) && nullsComeLater(descending.getFirst()));
  }

  private Condition expansion(List<Integer> columns, List<Boolean> descending, List<Object> values) {
    List<Condition> alternatives = new ArrayList<>();
    List<Condition> equalSoFar = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      int index = columns.get(i);
      Field<Object> field = Render.column(resolver.model().column(index).name());
      Object value = values.get(i);
      Condition strictlyAfter = strictlyAfter(field, index, value, descending.get(i));
      List<Condition> parts = new ArrayList<>(equalSoFar);
      parts.add(strictlyAfter);
      alternatives.add(DSL.and(parts));
      equalSoFar.add(value == null ? field.isNull() : field.eq(bound(index, value)));
    }
    return DSL.or(alternatives);
  }

  private Condition strictlyAfter(Field<Object> field, int index, Object value, boolean descending) {
    boolean nullsComeLater = nullsComeLater(descending);
    if (value == null) {
      return nullsComeLater ? DSL.falseCondition() : field.isNotNull();
    }
    Condition beyond = descending ? field.lt(bound(index, value)) : field.gt(bound(index, value));
    return nullsComeLater && nullable(index) ? beyond.or(field.isNull()) : beyond;
  }

  /** Whether NULLs sort after every value in this direction: PostgreSQL sorts them largest, the others smallest. */
  private boolean nullsComeLater(boolean descending) {
    boolean nullsLargest = dialect == Dialect.POSTGRESQL;
    return nullsLargest != descending;
  }

  /** Whether the column may hold NULL; the key never does. */
  private boolean nullable(int index) {
    return index != resolver.model().keyIndex() && resolver.model().column(index).nullable();
  }
}
