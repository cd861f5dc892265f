package dev.cairn.sql.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.sql.Filter;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenderedQueriesTest {
  @Test
  void positional_namedParamsOutsideQuotes_becomePlaceholdersInOrder() {
    RenderedQueries.Rendered rendered = RenderedQueries.positional(
        "select \"a:b1\", `x:b2` from t where a = :b2 and b like :b0 and c = ':b5' limit :b1");
    assertThat(rendered.sql())
        .isEqualTo("select \"a:b1\", `x:b2` from t where a = ? and b like ? and c = ':b5' limit ?");
    assertThat(rendered.order()).containsExactly(2, 0, 1);
    assertThat(rendered.bind(List.of("p0", 10, "p2")).binds()).containsExactly("p2", "p0", 10);
  }

  @Test
  void shape_ignoresValuesButNotNulls() {
    assertThat(shape(Filter.eq("age", 1))).isEqualTo(shape(Filter.eq("age", 2)));
    assertThat(shape(Filter.eq("age", 1))).isNotEqualTo(shape(Filter.eq("age", null)));
    assertThat(shape(Filter.in("age", List.of(1, 2)))).isNotEqualTo(shape(Filter.in("age", List.of(1, 2, 3))));
    assertThat(shape(Filter.and(Filter.eq("a", 1), Filter.or(Filter.eq("b", 1)))))
        .isNotEqualTo(shape(Filter.or(Filter.eq("a", 1), Filter.and(Filter.eq("b", 1)))));
  }

  private static String shape(Filter filter) {
    StringBuilder out = new StringBuilder();
    RenderedQueries.shape(filter, out);
    return out.toString();
  }
}
