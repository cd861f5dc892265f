package dev.cairn.vector.internal.lucene;

import dev.cairn.sql.Filter;
import dev.cairn.vector.internal.Checks;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;

/**
 * Metadata as indexed fields, and {@link Filter}s as Lucene queries over them.
 *
 * <p>Each metadata key {@code k} is indexed under a field whose name says the value's type ({@code s:k} strings,
 * {@code n:k} numbers as doubles, {@code b:k} booleans) plus a term {@code k} in {@code _has}, so that the
 * typed prefix keeps any key (even {@code _id}) apart from Cairn's own fields, a comparison only ever matches
 * values of its own type, and absent keys can be found. Filters have the two-valued logic of their SQL
 * rendering on PostgreSQL: a comparison on an absent key is false, and {@code not} negates it to true.
 */
final class LuceneFilters {
  static final String HAS = "_has";

  private LuceneFilters() {}

  static void index(Document document, Map<String, Object> metadata) {
    for (Map.Entry<String, Object> entry : metadata.entrySet()) {
      String key = entry.getKey();
      document.add(new StringField(HAS, key, Field.Store.NO));
      switch (entry.getValue()) {
        case String text -> document.add(new StringField("s:" + key, text, Field.Store.NO));
        case Boolean flag -> document.add(new StringField("b:" + key, flag.toString(), Field.Store.NO));
        case Number number -> document.add(new DoublePoint("n:" + key, number.doubleValue()));
        default -> throw new IllegalArgumentException("unchecked metadata value for " + key);
      }
    }
  }

  /** The query for {@code filter}, or {@code null} when it matches everything. */
  static Query toQuery(Filter filter) {
    if (filter.isEmpty() || filter instanceof Filter.All) {
      return null;
    }
    return query(filter);
  }

  private static Query query(Filter filter) {
    return switch (filter) {
      case Filter.Compare compare -> compare(compare);
      case Filter.In in -> {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        in.values().forEach(value -> any.add(equal(in.column(), Checks.value(value)), Occur.SHOULD));
        yield in.values().isEmpty() ? new MatchNoDocsQuery() : any.build();
      }
      case Filter.Like like -> new WildcardQuery(new Term("s:" + like.column(), wildcard(like.pattern())));
      case Filter.IsNull isNull -> isNull.negated() ? has(isNull.column()) : not(has(isNull.column()));
      case Filter.And and -> {
        BooleanQuery.Builder all = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER);
        and.parts().forEach(part -> all.add(query(part), Occur.FILTER));
        yield all.build();
      }
      case Filter.Or or -> {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        or.parts().forEach(part -> any.add(query(part), Occur.SHOULD));
        yield or.parts().isEmpty() ? new MatchNoDocsQuery() : any.build();
      }
      case Filter.Not not -> not(query(not.filter()));
      case Filter.All all -> new MatchAllDocsQuery();
    };
  }

  private static Query compare(Filter.Compare compare) {
    String key = compare.column();
    if (compare.value() == null) {
      return compare.op() == Filter.Op.EQ ? not(has(key)) : has(key);
    }
    Object value = Checks.value(compare.value());
    return switch (compare.op()) {
      case EQ -> equal(key, value);
      case NE -> new BooleanQuery.Builder().add(has(key), Occur.FILTER).add(equal(key, value), Occur.MUST_NOT).build();
      case GT, GE, LT, LE -> range(key, compare.op(), value);
    };
  }

  private static Query equal(String key, Object value) {
    return switch (value) {
      case String text -> new TermQuery(new Term("s:" + key, text));
      case Boolean flag -> new TermQuery(new Term("b:" + key, flag.toString()));
      case Number number -> DoublePoint.newExactQuery("n:" + key, number.doubleValue());
      default -> throw new IllegalArgumentException("unchecked filter value for " + key);
    };
  }

  private static Query range(String key, Filter.Op op, Object value) {
    boolean lower = op == Filter.Op.GT || op == Filter.Op.GE;
    boolean inclusive = op == Filter.Op.GE || op == Filter.Op.LE;
    if (value instanceof String text) {
      return lower ? TermRangeQuery.newStringRange("s:" + key, text, null, inclusive, true)
          : TermRangeQuery.newStringRange("s:" + key, null, text, true, inclusive);
    }
    double bound = ((Number) value).doubleValue();
    if (lower) {
      return DoublePoint.newRangeQuery("n:" + key, inclusive ? bound : Math.nextUp(bound), Double.POSITIVE_INFINITY);
    }
    return DoublePoint.newRangeQuery("n:" + key, Double.NEGATIVE_INFINITY, inclusive ? bound : Math.nextDown(bound));
  }

  private static Query has(String key) {
    return new TermQuery(new Term(HAS, key));
  }

  private static Query not(Query query) {
    return new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER).add(query, Occur.MUST_NOT).build();
  }

  /** SQL LIKE ({@code %}, {@code _}, backslash escapes) as a Lucene wildcard pattern. */
  static String wildcard(String pattern) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        out.append('\\').append(pattern.charAt(++i));
      } else if (c == '%') {
        out.append('*');
      } else if (c == '_') {
        out.append('?');
      } else if (c == '*' || c == '?' || c == '\\') {
        out.append('\\').append(c);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
