package dev.cairn.sql.internal;

import dev.cairn.core.InvalidInputException;
import dev.cairn.sql.Column;
import dev.cairn.sql.Id;
import dev.cairn.sql.TableName;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * How a record type maps to a table: the {@link TableModel}, one {@link ComponentCodec} per component, and the
 * means to build a record and read its components, made once per type (cached by the database) so that mapping a
 * row costs no reflection: a generated class ({@link RecordAccessClass}) where the record's package is open to
 * Cairn, else method handles for the accessors and the canonical constructor.
 */
final class RecordMapping<T> {
  private final Class<T> type;
  private final TableModel model;
  private final ComponentCodec[] codecs;
  private final MethodHandle[] accessors;
  private final MethodHandle constructor;
  /** {@code null} where the class could not be defined; then the handles do the work. */
  private final RecordAccessClass.Access access;

  private RecordMapping(Class<T> type, TableModel model, List<ComponentCodec> codecs, MethodHandle[] accessors,
      MethodHandle constructor, RecordAccessClass.Access access) {
    this.type = type;
    this.model = model;
    this.codecs = codecs.toArray(ComponentCodec[]::new);
    this.accessors = accessors;
    this.constructor = constructor;
    this.access = access;
  }

  /** @throws InvalidInputException {@code INVALID_RECORD} when the type cannot be mapped */
  static <T extends Record> RecordMapping<T> of(Class<T> type) {
    return of(type, true);
  }

  /** The table model of {@code type} alone, without defining the generated class (DDL needs no rows mapped). */
  static TableModel modelOf(Class<? extends Record> type) {
    return of(type, false).model();
  }

  /** @param generate whether to try the generated class first ({@code false}: only the handles, for tests) */
  static <T extends Record> RecordMapping<T> of(Class<T> type, boolean generate) {
    RecordComponent[] components = type.getRecordComponents();
    if (components == null || components.length == 0) {
      throw invalid(type, "has no components");
    }
    TableName tableName = type.getAnnotation(TableName.class);
    String table = tableName != null && !tableName.value().isBlank() ? tableName.value() : Naming.tableName(type);
    int keyIndex = keyIndex(components);
    List<ColumnModel> columns = new ArrayList<>();
    List<ComponentCodec> codecs = new ArrayList<>();
    List<String> aliases = new ArrayList<>();
    MethodHandle[] accessors = new MethodHandle[components.length];
    Class<?>[] parameterTypes = new Class<?>[components.length];
    try {
      for (int i = 0; i < components.length; i++) {
        RecordComponent component = components[i];
        Column column = component.getAnnotation(Column.class);
        ComponentCodec codec = ComponentCodec.of(component.getType(), component.getGenericType(),
            column != null && column.json());
        String name = column != null && !column.name().isBlank() ? column.name()
            : Naming.snakeCase(component.getName());
        boolean nullable = !component.getType().isPrimitive() && (column == null || column.nullable()) && i != keyIndex;
        int length = column != null ? column.length() : 0;
        if (length == 0 && codec.isEnum()) {
          length = 255;
        }
        columns.add(new ColumnModel(name, codec.kind(), nullable, length, column != null && column.unique(),
            column != null && column.index(), defaultLiteral(type, column)));
        codecs.add(codec);
        aliases.add(component.getName());
        component.getAccessor().setAccessible(true);
        accessors[i] = MethodHandles.lookup().unreflect(component.getAccessor())
            .asType(MethodType.methodType(Object.class, Object.class));
        parameterTypes[i] = component.getType();
      }
      Constructor<T> canonical = type.getDeclaredConstructor(parameterTypes);
      canonical.setAccessible(true);
      MethodHandle constructor = MethodHandles.lookup().unreflectConstructor(canonical)
          .asSpreader(Object[].class, components.length)
          .asType(MethodType.methodType(Object.class, Object[].class));
      KeyStrategy strategy = keyStrategy(components, keyIndex);
      TableModel model = new TableModel(table, columns, keyIndex, strategy, aliases);
      return new RecordMapping<>(type, model, codecs, accessors, constructor,
          generate ? RecordAccessClass.define(type, components) : null);
    } catch (ReflectiveOperationException | RuntimeException e) {
      if (e instanceof InvalidInputException invalid) {
        throw invalid;
      }
      throw new InvalidInputException("INVALID_RECORD",
          "cannot map record " + type.getName() + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
    }
  }

  private static final java.util.regex.Pattern LITERAL =
      java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?|'([^']|'')*'|true|false");

  /** The declared default, checked to be a plain literal because it is put into DDL as written. */
  private static String defaultLiteral(Class<?> type, Column column) {
    if (column == null || column.defaultValue().isEmpty()) {
      return null;
    }
    if (!LITERAL.matcher(column.defaultValue()).matches()) {
      throw invalid(type, "default " + column.defaultValue() + " is not a number, a quoted string, true or false");
    }
    return column.defaultValue();
  }

  private static int keyIndex(RecordComponent[] components) {
    for (int i = 0; i < components.length; i++) {
      if (components[i].isAnnotationPresent(Id.class)) {
        return i;
      }
    }
    for (int i = 0; i < components.length; i++) {
      if (components[i].getName().equals("id")) {
        return i;
      }
    }
    return -1;
  }

  private static KeyStrategy keyStrategy(RecordComponent[] components, int keyIndex) {
    if (keyIndex < 0) {
      return KeyStrategy.NONE;
    }
    Id id = components[keyIndex].getAnnotation(Id.class);
    Class<?> keyType = components[keyIndex].getType();
    if (id != null && !id.generated()) {
      return KeyStrategy.ASSIGNED;
    }
    if (keyType == UUID.class) {
      return KeyStrategy.RANDOM_UUID;
    }
    boolean integer = keyType == long.class || keyType == Long.class || keyType == int.class
        || keyType == Integer.class;
    return integer ? KeyStrategy.IDENTITY : KeyStrategy.ASSIGNED;
  }

  private static InvalidInputException invalid(Class<?> type, String problem) {
    return new InvalidInputException("INVALID_RECORD", "cannot map record " + type.getName() + ": " + problem);
  }

  Class<T> type() {
    return type;
  }

  TableModel model() {
    return model;
  }

  ComponentCodec codec(int index) {
    return codecs[index];
  }

  /** Whether rows are mapped by a generated class rather than by method handles (for tests). */
  boolean generated() {
    return access != null;
  }

  /** The canonical column values of a record, in column order. */
  Object[] toRow(T record) {
    Object[] row = new Object[accessors.length];
    if (access != null) {
      access.copy(record, row);
      for (int i = 0; i < row.length; i++) {
        row[i] = codecs[i].toColumn(row[i]);
      }
      return row;
    }
    try {
      for (int i = 0; i < accessors.length; i++) {
        row[i] = codecs[i].toColumn((Object) accessors[i].invokeExact((Object) record));
      }
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("accessor of " + type.getName() + " failed", e);
    }
    return row;
  }

  /**
   * A record from canonical column values in column order. The values in {@code row} are replaced by the
   * component values (one array a row instead of two: every caller reads a fresh row or overwrites it next).
   */
  T fromRow(Object[] row) {
    for (int i = 0; i < row.length; i++) {
      row[i] = codecs[i].fromColumn(row[i]);
    }
    if (access != null) {
      try {
        return type.cast(access.construct(row));
      } catch (ClassCastException e) {
        // The generated class casts to the exact wrapper (Long for long); the handles also widen (Integer to
        // long), so an argument of another boxed type gets their answer, success or their ClassCastException.
      }
    }
    try {
      return type.cast((Object) constructor.invokeExact(row));
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("constructor of " + type.getName() + " failed", e);
    }
  }
}
