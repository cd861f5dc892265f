package dev.cairn.server.http;

import dev.cairn.core.InvalidInputException;
import dev.cairn.sql.Filter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads row filters written the PostgREST way, shared by the CLI ({@code --filter age=gte.18}) and the HTTP API
 * ({@code ?age=gte.18}). An expression is {@code [not.]op.value} with these operators:
 *
 * <ul>
 *   <li>{@code eq.v}, {@code neq.v}, {@code gt.v}, {@code gte.v}, {@code lt.v}, {@code lte.v}: comparisons; the value
 *       is everything after the first dot after the operator, dots included, and may be empty;
 *   <li>{@code like.pattern}: SQL LIKE where {@code *} stands for {@code %} too (PostgREST's spelling, handy in
 *       URLs where {@code %} is an escape);
 *   <li>{@code in.(a,b,c)}: membership; an element may be double-quoted to hold commas or parentheses, with
 *       {@code \"} and {@code \\} escapes inside quotes; {@code in.()} matches nothing;
 *   <li>{@code is.null}, {@code is.not_null} (or {@code is.notnull}), {@code is.true}, {@code is.false}.
 * </ul>
 *
 * Values stay text; the SQL layer converts them to the column's type and checks the column against the live
 * schema. Stateless and thread-safe.
 *
 * <p>Every malformed input is an {@link InvalidInputException}: {@code UNKNOWN_OPERATOR} for a missing operator or
 * one not listed above, {@code INVALID_FILTER} for anything else (no column, a bad {@code in} list, an
 * {@code is} value not listed above). The codes are the HTTP API's, so both surfaces fail alike. The message is
 * one line quoting the offending filter.
 */
public final class FilterParser {
  private static final String OPERATORS = "eq, neq, gt, gte, lt, lte, like, in, is (optionally after not.)";

  private FilterParser() {}

  /**
   * Parses one {@code column=expression} argument, as the CLI takes it.
   *
   * @throws NullPointerException if {@code argument} is null
   * @throws InvalidInputException as described on the class
   */
  public static Filter parseArgument(String argument) {
    int equals = argument.indexOf('=');
    if (equals <= 0) {
      throw invalid(argument, "expected column=operator.value, e.g. age=gte.18");
    }
    return parse(argument.substring(0, equals), argument.substring(equals + 1));
  }

  /**
   * Parses {@code expression} ({@code [not.]op.value}) as a condition on {@code column}, as the HTTP API gets them
   * from a query parameter's name and value.
   *
   * @throws NullPointerException if an argument is null
   * @throws InvalidInputException as described on the class
   */
  public static Filter parse(String column, String expression) {
    String shown = column + "=" + expression;
    if (column.isBlank()) {
      throw invalid(shown, "the column name is empty");
    }
    if (expression.startsWith("not.")) {
      return Filter.not(parsePositive(column, expression.substring("not.".length()), shown));
    }
    return parsePositive(column, expression, shown);
  }

  private static Filter parsePositive(String column, String expression, String shown) {
    int dot = expression.indexOf('.');
    if (dot < 0) {
      throw unknownOperator(shown, "expected operator.value after '=', e.g. eq.42 (one of " + OPERATORS + ")", "");
    }
    String operator = expression.substring(0, dot);
    String value = expression.substring(dot + 1);
    return switch (operator) {
      case "eq" -> Filter.eq(column, value);
      case "neq" -> Filter.ne(column, value);
      case "gt" -> Filter.gt(column, value);
      case "gte" -> Filter.ge(column, value);
      case "lt" -> Filter.lt(column, value);
      case "lte" -> Filter.le(column, value);
      case "like" -> Filter.like(column, value.replace('*', '%'));
      case "in" -> Filter.in(column, inList(value, shown));
      case "is" -> is(column, value, shown);
      default -> throw unknownOperator(
          shown, "unknown operator '" + operator + "' (one of " + OPERATORS + ")", operator);
    };
  }

  private static InvalidInputException unknownOperator(String shown, String problem, String operator) {
    return new InvalidInputException("UNKNOWN_OPERATOR", "filter '" + shown + "': " + problem,
        Map.of("filter", shown, "operator", operator), null);
  }

  private static Filter is(String column, String value, String shown) {
    return switch (value) {
      case "null" -> Filter.isNull(column);
      case "not_null", "notnull" -> Filter.isNotNull(column);
      case "true" -> Filter.eq(column, Boolean.TRUE);
      case "false" -> Filter.eq(column, Boolean.FALSE);
      default -> throw invalid(shown, "is. takes null, not_null, true or false, not '" + value + "'");
    };
  }

  private static List<String> inList(String list, String shown) {
    if (list.length() < 2 || list.charAt(0) != '(' || list.charAt(list.length() - 1) != ')') {
      throw invalid(shown, "in. takes a parenthesized list, e.g. in.(a,b)");
    }
    return new InListReader(list.substring(1, list.length() - 1), shown).read();
  }

  static InvalidInputException invalid(String shown, String problem) {
    return new InvalidInputException(
        "INVALID_FILTER", "filter '" + shown + "': " + problem, Map.of("filter", shown), null);
  }

  /** Splits the inside of an {@code in.(...)} list on commas outside double quotes. */
  private static final class InListReader {
    private final String text;
    private final String shown;
    private final List<String> values = new ArrayList<>();
    private int position;

    InListReader(String text, String shown) {
      this.text = text;
      this.shown = shown;
    }

    List<String> read() {
      if (text.isEmpty()) {
        return values;
      }
      while (true) {
        values.add(text.startsWith("\"", position) ? quoted() : bare());
        if (position == text.length()) {
          return values;
        }
        // quoted() and bare() stop only at the end or at a comma.
        position++;
      }
    }

    private String bare() {
      int comma = text.indexOf(',', position);
      int end = comma < 0 ? text.length() : comma;
      String value = text.substring(position, end);
      if (value.indexOf('"') >= 0) {
        throw invalid(shown, "a quote may only open an element of the in. list");
      }
      position = end;
      return value;
    }

    private String quoted() {
      StringBuilder value = new StringBuilder();
      for (position++; position < text.length(); position++) {
        char c = text.charAt(position);
        if (c == '\\' && position + 1 < text.length()) {
          value.append(text.charAt(++position));
        } else if (c == '"') {
          position++;
          if (position < text.length() && text.charAt(position) != ',') {
            throw invalid(shown, "expected a comma after the quoted element \"" + value + "\"");
          }
          return value.toString();
        } else {
          value.append(c);
        }
      }
      throw invalid(shown, "unterminated quote in the in. list");
    }
  }
}
