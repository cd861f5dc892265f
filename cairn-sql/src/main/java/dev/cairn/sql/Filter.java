package dev.cairn.sql;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A row predicate, built from the static factories and combined with {@link #and}, {@link #or}, {@link #not}.
 * Column names are checked against the introspected schema when the filter is used; values are always bound,
 * never spliced into SQL. Immutable.
 *
 * <pre>{@code Query.where(and(eq("age", 36), like("name", "A%"), in("status", List.of("new", "open"))))}</pre>
 */
public sealed interface Filter
    permits Filter.Compare, Filter.In, Filter.Like, Filter.IsNull, Filter.And, Filter.Or, Filter.Not, Filter.All {

  /** Comparison operators. */
  enum Op { EQ, NE, GT, GE, LT, LE }

  /** {@code column op value}; an {@code EQ}/{@code NE} against {@code null} means IS [NOT] NULL. */
  record Compare(String column, Op op, Object value) implements Filter {
    public Compare {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(op, "op");
    }
  }

  /** {@code column IN (values)}; an empty list matches nothing. */
  record In(String column, List<Object> values) implements Filter {
    public In {
      Objects.requireNonNull(column, "column");
      values = List.copyOf(values);
    }
  }

  /** SQL LIKE with {@code %} and {@code _}; case-sensitivity follows the database's collation. */
  record Like(String column, String pattern) implements Filter {
    public Like {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(pattern, "pattern");
    }
  }

  /** {@code column IS NULL}, or {@code IS NOT NULL} when negated. */
  record IsNull(String column, boolean negated) implements Filter {
    public IsNull {
      Objects.requireNonNull(column, "column");
    }
  }

  /** All parts hold; with no parts this is the empty filter, which bulk writes refuse. */
  record And(List<Filter> parts) implements Filter {
    public And {
      parts = List.copyOf(parts);
    }
  }

  /** At least one part holds; with no parts nothing matches. */
  record Or(List<Filter> parts) implements Filter {
    public Or {
      parts = List.copyOf(parts);
    }
  }

  record Not(Filter filter) implements Filter {
    public Not {
      Objects.requireNonNull(filter, "filter");
    }
  }

  /** Every row: the explicit opt-in that {@code updateWhere}/{@code deleteWhere} require to touch all rows. */
  record All() implements Filter {}

  static Filter eq(String column, Object value) {
    return new Compare(column, Op.EQ, value);
  }

  static Filter ne(String column, Object value) {
    return new Compare(column, Op.NE, value);
  }

  static Filter gt(String column, Object value) {
    return new Compare(column, Op.GT, value);
  }

  static Filter ge(String column, Object value) {
    return new Compare(column, Op.GE, value);
  }

  static Filter lt(String column, Object value) {
    return new Compare(column, Op.LT, value);
  }

  static Filter le(String column, Object value) {
    return new Compare(column, Op.LE, value);
  }

  static Filter in(String column, Collection<?> values) {
    return new In(column, List.copyOf(values));
  }

  static Filter like(String column, String pattern) {
    return new Like(column, pattern);
  }

  static Filter isNull(String column) {
    return new IsNull(column, false);
  }

  static Filter isNotNull(String column) {
    return new IsNull(column, true);
  }

  static Filter and(Filter... parts) {
    return new And(List.of(parts));
  }

  static Filter or(Filter... parts) {
    return new Or(List.of(parts));
  }

  static Filter not(Filter filter) {
    return new Not(filter);
  }

  /**
   * Every row: the one name for "no condition", in queries ({@code rows.count(Filter.all())}) and in the bulk writes
   * that refuse an empty filter unless it is this explicit one.
   */
  static Filter all() {
    return new All();
  }

  /** Whether this filter has no condition at all (an empty {@code and}), which bulk writes refuse. */
  default boolean isEmpty() {
    return this instanceof And and && and.parts().isEmpty();
  }
}
