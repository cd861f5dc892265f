package dev.cairn.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.InvalidInputException;
import dev.cairn.sql.Filter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilterParserTest {

  @Test
  void parse_comparisons_mapToFilterOperators() {
    assertThat(FilterParser.parse("age", "eq.36")).isEqualTo(Filter.eq("age", "36"));
    assertThat(FilterParser.parse("age", "neq.36")).isEqualTo(Filter.ne("age", "36"));
    assertThat(FilterParser.parse("age", "gt.36")).isEqualTo(Filter.gt("age", "36"));
    assertThat(FilterParser.parse("age", "gte.36")).isEqualTo(Filter.ge("age", "36"));
    assertThat(FilterParser.parse("age", "lt.36")).isEqualTo(Filter.lt("age", "36"));
    assertThat(FilterParser.parse("age", "lte.36")).isEqualTo(Filter.le("age", "36"));
  }

  @Test
  void parse_valueWithDotsAndEmptyValue_keptWhole() {
    assertThat(FilterParser.parse("host", "eq.db.example.com")).isEqualTo(Filter.eq("host", "db.example.com"));
    assertThat(FilterParser.parse("name", "eq.")).isEqualTo(Filter.eq("name", ""));
  }

  @Test
  void parse_likeWithStar_becomesPercent() {
    assertThat(FilterParser.parse("name", "like.A*")).isEqualTo(Filter.like("name", "A%"));
    assertThat(FilterParser.parse("name", "like._d%")).isEqualTo(Filter.like("name", "_d%"));
  }

  @Test
  void parse_inList_splitsOnCommasOutsideQuotes() {
    assertThat(FilterParser.parse("id", "in.(1,2,3)")).isEqualTo(Filter.in("id", List.of("1", "2", "3")));
    assertThat(FilterParser.parse("name", "in.(\"a,b\",c,\"q\\\"d\")"))
        .isEqualTo(Filter.in("name", List.of("a,b", "c", "q\"d")));
    assertThat(FilterParser.parse("id", "in.()")).isEqualTo(Filter.in("id", List.of()));
    assertThat(FilterParser.parse("id", "in.(,)")).isEqualTo(Filter.in("id", List.of("", "")));
  }

  @Test
  void parse_is_nullTrueFalse() {
    assertThat(FilterParser.parse("note", "is.null")).isEqualTo(Filter.isNull("note"));
    assertThat(FilterParser.parse("note", "is.not_null")).isEqualTo(Filter.isNotNull("note"));
    assertThat(FilterParser.parse("note", "is.notnull")).isEqualTo(Filter.isNotNull("note"));
    assertThat(FilterParser.parse("done", "is.true")).isEqualTo(Filter.eq("done", true));
    assertThat(FilterParser.parse("done", "is.false")).isEqualTo(Filter.eq("done", false));
  }

  @Test
  void parse_not_negates() {
    assertThat(FilterParser.parse("note", "not.is.null")).isEqualTo(Filter.not(Filter.isNull("note")));
    assertThat(FilterParser.parse("age", "not.in.(1,2)")).isEqualTo(Filter.not(Filter.in("age", List.of("1", "2"))));
  }

  @Test
  void parseArgument_columnEqualsExpression_splitAtFirstEquals() {
    assertThat(FilterParser.parseArgument("expr=eq.a=b")).isEqualTo(Filter.eq("expr", "a=b"));
  }

  @Test
  void parse_unknownOperator_unknownOperator() {
    assertThatThrownBy(() -> FilterParser.parse("age", "approx.3"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.code()).isEqualTo("UNKNOWN_OPERATOR");
          assertThat(e.getMessage()).startsWith("filter 'age=approx.3': unknown operator 'approx' (one of eq,");
          assertThat(e.details()).containsEntry("operator", "approx");
        });
  }

  @Test
  void parseArgument_noOperator_unknownOperator() {
    assertThatThrownBy(() -> FilterParser.parseArgument("age=36"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.code()).isEqualTo("UNKNOWN_OPERATOR");
          assertThat(e.getMessage()).startsWith("filter 'age=36': expected operator.value after '='");
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"age", "=eq.1", "age=in.1,2", "age=in.(1,2", "age=is.nothing",
      "name=in.(\"a\"b)", "name=in.(a\"b\")", "name=in.(\"open)", " =eq.1"})
  void parseArgument_malformed_invalidFilterNamingTheInput(String argument) {
    assertThatThrownBy(() -> FilterParser.parseArgument(argument))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.code()).isEqualTo("INVALID_FILTER");
          assertThat(e.getMessage()).startsWith("filter '").doesNotContain("\n");
        });
  }
}
