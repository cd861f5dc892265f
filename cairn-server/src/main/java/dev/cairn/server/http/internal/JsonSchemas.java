package dev.cairn.server.http.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small builders of the JSON Schemas (2020-12, OpenAPI 3.1's dialect) in the OpenAPI document, so that each schema
 * reads as its shape: {@code closed(required("id", string()), optional("metadata", ref("Metadata")))}. Every map is
 * ordered, so the served document keeps the order it was written in.
 */
final class JsonSchemas {
  private JsonSchemas() {}

  /** One property of an object schema. */
  record Property(String name, Map<String, Object> schema, boolean required) {}

  static Property required(String name, Map<String, Object> schema) {
    return new Property(name, schema, true);
  }

  static Property optional(String name, Map<String, Object> schema) {
    return new Property(name, schema, false);
  }

  /** {@code "success": true}, which every 2xx JSON object of the API carries. */
  static Property succeeded() {
    return required("success", constant(true));
  }

  /**
   * An object with exactly these properties ({@code additionalProperties: false}): a response field the schema does
   * not describe is an error of the document, which the response-validating test catches.
   */
  static Map<String, Object> closed(Property... properties) {
    Map<String, Object> schema = object(properties);
    schema.put("additionalProperties", false);
    return schema;
  }

  /** An object with these properties and possibly others (a request body the server reads fields of). */
  static Map<String, Object> object(Property... properties) {
    Map<String, Object> props = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    for (Property property : properties) {
      props.put(property.name(), property.schema());
      if (property.required()) {
        required.add(property.name());
      }
    }
    Map<String, Object> schema = schema("object");
    schema.put("properties", props);
    if (!required.isEmpty()) {
      schema.put("required", required);
    }
    return schema;
  }

  /** An object whose keys are names chosen by the caller (columns, properties), each value of {@code values}. */
  static Map<String, Object> mapOf(Map<String, Object> values) {
    Map<String, Object> schema = schema("object");
    schema.put("additionalProperties", values);
    return schema;
  }

  static Map<String, Object> ref(String component) {
    return Map.of("$ref", "#/components/schemas/" + component);
  }

  static Map<String, Object> string() {
    return schema("string");
  }

  static Map<String, Object> string(String description) {
    return described(schema("string"), description);
  }

  static Map<String, Object> integer() {
    Map<String, Object> schema = schema("integer");
    schema.put("format", "int64");
    return schema;
  }

  static Map<String, Object> integer(long minimum, long maximum) {
    Map<String, Object> schema = schema("integer");
    schema.put("format", maximum <= Integer.MAX_VALUE ? "int32" : "int64");
    schema.put("minimum", minimum);
    schema.put("maximum", maximum);
    return schema;
  }

  static Map<String, Object> number() {
    Map<String, Object> schema = schema("number");
    schema.put("format", "double");
    return schema;
  }

  static Map<String, Object> bool() {
    return schema("boolean");
  }

  static Map<String, Object> constant(Object value) {
    Map<String, Object> schema = schema(value instanceof Boolean ? "boolean" : "string");
    schema.put("const", value);
    return schema;
  }

  static Map<String, Object> oneOf(String... values) {
    Map<String, Object> schema = schema("string");
    schema.put("enum", List.of(values));
    return schema;
  }

  static Map<String, Object> array(Map<String, Object> items) {
    Map<String, Object> schema = schema("array");
    schema.put("items", items);
    return schema;
  }

  /** Any JSON value: a column value, a subject property. */
  static Map<String, Object> anyValue() {
    return new LinkedHashMap<>();
  }

  /** {@code schema} or JSON null (3.1's type list, or a oneOf with null for a reference). */
  static Map<String, Object> nullable(Map<String, Object> schema) {
    Object type = schema.get("type");
    if (type instanceof String single) {
      Map<String, Object> copy = new LinkedHashMap<>(schema);
      copy.put("type", List.of(single, "null"));
      if (copy.get("enum") instanceof List<?> values) {
        List<Object> withNull = new ArrayList<>(values);
        withNull.add(null);
        copy.put("enum", withNull);
      }
      return copy;
    }
    return Map.of("oneOf", List.of(schema, schema("null")));
  }

  static Map<String, Object> described(Map<String, Object> schema, String description) {
    Map<String, Object> copy = new LinkedHashMap<>(schema);
    copy.put("description", description);
    return copy;
  }

  private static Map<String, Object> schema(String type) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", type);
    return schema;
  }
}
