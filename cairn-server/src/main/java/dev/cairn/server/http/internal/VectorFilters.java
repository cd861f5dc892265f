package dev.cairn.server.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.sql.Filter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON filter of a vector search or delete: an object whose fields are metadata keys, each either a scalar
 * (equality) or an object of operators {@code eq, ne, gt, gte, lt, lte, in, like}; all fields must hold:
 * <pre>{@code {"lang": "en", "year": {"gte": 2020, "lt": 2025}, "tag": {"in": ["a", "b"]}}}</pre>
 * Values are metadata values (strings, numbers, booleans); the store validates their types.
 */
final class VectorFilters {
  private VectorFilters() {}

  static Filter parse(JsonNode filter, String module) {
    if (filter == null || filter.isNull()) {
      return Filter.all();
    }
    if (!filter.isObject()) {
      throw invalid("the filter must be a JSON object of metadata keys", module);
    }
    List<Filter> parts = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : filter.properties()) {
      String key = field.getKey();
      JsonNode condition = field.getValue();
      if (!condition.isObject()) {
        parts.add(Filter.eq(key, scalar(condition, key, module)));
        continue;
      }
      for (Map.Entry<String, JsonNode> operator : condition.properties()) {
        parts.add(condition(key, operator.getKey(), operator.getValue(), module));
      }
    }
    return parts.size() == 1 ? parts.getFirst() : Filter.and(parts.toArray(Filter[]::new));
  }

  private static Filter condition(String key, String operator, JsonNode value, String module) {
    return switch (operator) {
      case "eq" -> Filter.eq(key, scalar(value, key, module));
      case "ne" -> Filter.ne(key, scalar(value, key, module));
      case "gt" -> Filter.gt(key, scalar(value, key, module));
      case "gte" -> Filter.ge(key, scalar(value, key, module));
      case "lt" -> Filter.lt(key, scalar(value, key, module));
      case "lte" -> Filter.le(key, scalar(value, key, module));
      case "like" -> {
        if (!value.isTextual()) {
          throw invalid("like on '" + key + "' needs a text pattern", module);
        }
        yield Filter.like(key, value.textValue());
      }
      case "in" -> {
        if (!value.isArray()) {
          throw invalid("in on '" + key + "' needs an array", module);
        }
        List<Object> values = new ArrayList<>();
        for (JsonNode element : value) {
          Object scalar = scalar(element, key, module);
          if (scalar == null) {
            throw invalid("in on '" + key + "' cannot hold null", module);
          }
          values.add(scalar);
        }
        yield Filter.in(key, values);
      }
      default -> throw invalid("unknown filter operator on '" + key + "'; use eq, ne, gt, gte, lt, lte, in, like",
          module);
    };
  }

  private static Object scalar(JsonNode value, String key, String module) {
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return value.longValue();
    }
    if (value.isNumber()) {
      return value.doubleValue();
    }
    if (value.isNull()) {
      return null;
    }
    throw invalid("the filter value for '" + key + "' must be a string, a number or a boolean", module);
  }

  private static ApiError invalid(String message, String module) {
    return ApiError.badRequest("INVALID_FILTER", message, module);
  }
}
