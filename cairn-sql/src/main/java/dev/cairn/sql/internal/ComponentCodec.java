package dev.cairn.sql.internal;

import com.fasterxml.jackson.databind.JavaType;
import dev.cairn.core.CairnException;
import dev.cairn.core.Json;
import java.lang.reflect.Type;
import java.util.Locale;

/**
 * Converts between a record component's Java type and its column's canonical value: narrows integers, maps
 * enums to their names and JSON components to JSON text.
 */
final class ComponentCodec {
  private final Class<?> type;
  private final ValueKind kind;
  private final JavaType jsonType;
  private final Class<?> boxed;

  private ComponentCodec(Class<?> type, ValueKind kind, JavaType jsonType) {
    this.type = type;
    this.boxed = java.lang.invoke.MethodType.methodType(type).wrap().returnType();
    this.kind = kind;
    this.jsonType = jsonType;
  }

  /** The codec for a component, stored as JSON text when {@code json} or when no direct mapping exists. */
  static ComponentCodec of(Class<?> type, Type genericType, boolean json) {
    ValueKind direct = json ? null : directKind(type);
    if (direct != null) {
      return new ComponentCodec(type, direct, null);
    }
    // JSON kind: bound as JSON (jsonb on PostgreSQL takes it, as text columns do), read back parsed.
    return new ComponentCodec(type, ValueKind.JSON, Json.mapper().getTypeFactory().constructType(genericType));
  }

  private static ValueKind directKind(Class<?> type) {
    if (type == String.class || type.isEnum()) {
      return ValueKind.STRING;
    }
    if (type == long.class || type == Long.class || type == int.class || type == Integer.class
        || type == short.class || type == Short.class || type == byte.class || type == Byte.class) {
      return ValueKind.LONG;
    }
    if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
      return ValueKind.DOUBLE;
    }
    if (type == boolean.class || type == Boolean.class) {
      return ValueKind.BOOLEAN;
    }
    for (ValueKind kind : ValueKind.values()) {
      if (kind.javaType == type && kind != ValueKind.JSON && kind != ValueKind.ARRAY) {
        return kind;
      }
    }
    return null;
  }

  ValueKind kind() {
    return kind;
  }

  boolean isJson() {
    return jsonType != null;
  }

  boolean isEnum() {
    return type.isEnum();
  }

  Class<?> type() {
    return type;
  }

  /** The canonical column value of a component value. */
  Object toColumn(Object value) {
    if (value == null) {
      return null;
    }
    if (jsonType != null) {
      return Json.mapper().convertValue(value, Object.class);
    }
    return switch (value) {
      case Enum<?> e -> e.name();
      case Integer i -> i.longValue();
      case Short s -> s.longValue();
      case Byte b -> b.longValue();
      case Float f -> Double.parseDouble(f.toString());
      case java.time.Instant i -> i.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
      case java.time.LocalDateTime t -> t.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
      default -> value;
    };
  }

  /** Converts a value given by a caller (a component value, or anything the column kind accepts). */
  Object coerce(Object value, String table, String column) {
    if (value != null && jsonType != null) {
      // A string is JSON text here (as it always was for JSON components); anything else is the value itself.
      try {
        return value instanceof String text ? Json.read(text, Object.class)
            : Json.mapper().convertValue(value, Object.class);
      } catch (RuntimeException e) {
        throw new BadValueException(table, column, "expected JSON");
      }
    }
    if (value != null && boxed.isInstance(value)) {
      return toColumn(value);
    }
    Object canonical = kind.coerce(value, table, column);
    if (canonical instanceof String name && type.isEnum()) {
      requireConstant(name, table, column);
    }
    return canonical;
  }

  /** The component value of a canonical column value. */
  Object fromColumn(Object value) {
    if (value == null) {
      return type.isPrimitive() ? primitiveDefault() : null;
    }
    if (jsonType != null) {
      // Already parsed by ValueKind.JSON (or by the raw-query reader): a String here is a JSON string value.
      return Json.mapper().convertValue(value, jsonType);
    }
    if (type.isEnum()) {
      return enumConstant((String) value);
    }
    if (value instanceof Long l) {
      if (type == int.class || type == Integer.class) {
        return Math.toIntExact(l);
      }
      if (type == short.class || type == Short.class) {
        return (short) l.longValue();
      }
      if (type == byte.class || type == Byte.class) {
        return (byte) l.longValue();
      }
    }
    if (value instanceof Double d && (type == float.class || type == Float.class)) {
      return d.floatValue();
    }
    return value;
  }

  private void requireConstant(String name, String table, String column) {
    for (Object constant : type.getEnumConstants()) {
      if (((Enum<?>) constant).name().equals(name)) {
        return;
      }
    }
    throw new BadValueException(table, column, "expected one of " + java.util.Arrays.toString(type.getEnumConstants()));
  }

  private Object enumConstant(String name) {
    for (Object constant : type.getEnumConstants()) {
      if (((Enum<?>) constant).name().equals(name)) {
        return constant;
      }
    }
    throw new CairnException("STORED_VALUE_UNREADABLE", "a stored value is not a constant of enum "
        + type.getSimpleName() + " (" + Identifiers.shown(name.toUpperCase(Locale.ROOT)) + ")");
  }

  private Object primitiveDefault() {
    if (type == boolean.class) {
      return false;
    }
    if (type == double.class) {
      return 0.0;
    }
    if (type == float.class) {
      return 0.0f;
    }
    if (type == long.class) {
      return 0L;
    }
    if (type == int.class) {
      return 0;
    }
    if (type == short.class) {
      return (short) 0;
    }
    if (type == char.class) {
      return '\0';
    }
    return (byte) 0;
  }
}
