package dev.cairn.sql.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Defines, for one record type, a hidden class that builds the record from an {@code Object[]} of component values
 * and copies a record's component values into one, written out as plain bytecode ({@code new R((Long) a[0]...)}
 * and {@code a[0] = r.id()...}).
 *
 * <p>Why not method handles: a handle kept in a field is not a constant to the JIT, so {@code invokeExact} on the
 * spread canonical constructor is a call it cannot inline, with every argument boxed through it. Measured in one
 * JVM, building a five-component record that way took 25-130 ns against 1-10 ns for the same {@code new} in
 * bytecode; at 50 rows a page that was a good part of what a typed page cost over raw JDBC. The hidden class is a
 * nestmate of the record (defined through a lookup in the record's package), so private constructors and
 * non-public records work as they do with reflection. It implements only {@code java.base} interfaces, so it needs
 * nothing from Cairn's module.
 *
 * <p>The class file has no branches, so it needs no stack map frames; its version is Java 17's.
 */
final class RecordAccessClass {
  /** Builds a record from its component values and copies them out of one. */
  interface Access {
    Object construct(Object[] values);

    void copy(Object record, Object[] values);
  }

  private static final int VERSION = 61;
  private static final int ACC_PUBLIC = 0x0001;
  private static final int ACC_FINAL = 0x0010;
  private static final int ACC_SUPER = 0x0020;
  private static final int MAX_ARGUMENT_SLOTS = 254;

  private RecordAccessClass() {}

  /**
   * The generated access for {@code type}, or {@code null} when it cannot be defined (a record with more components
   * than a constructor call can pass, a package its module does not open to Cairn): the caller then uses method
   * handles, which are slower but reach everything reflection reaches.
   */
  @SuppressWarnings("unchecked")
  static Access define(Class<?> type, RecordComponent[] components) {
    int slots = 0;
    for (RecordComponent component : components) {
      slots += slotSize(component.getType());
    }
    if (slots > MAX_ARGUMENT_SLOTS) {
      return null;
    }
    try {
      RecordAccessClass.class.getModule().addReads(type.getModule());
      MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
      byte[] bytes = classFile(type, components, slots);
      MethodHandles.Lookup hidden = lookup.defineHiddenClass(bytes, true, MethodHandles.Lookup.ClassOption.NESTMATE);
      Object instance = hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class)).invoke();
      Function<Object[], Object> construct = (Function<Object[], Object>) instance;
      BiConsumer<Object, Object[]> copy = (BiConsumer<Object, Object[]>) instance;
      return new Access() {
        @Override
        public Object construct(Object[] values) {
          return construct.apply(values);
        }

        @Override
        public void copy(Object record, Object[] values) {
          copy.accept(record, values);
        }
      };
    } catch (Throwable e) {
      // IllegalAccessException (package not opened), LinkageError: the method-handle path still works.
      return null;
    }
  }

  private static int slotSize(Class<?> type) {
    return type == long.class || type == double.class ? 2 : 1;
  }

  private static byte[] classFile(Class<?> type, RecordComponent[] components, int slots) {
    ConstantPool pool = new ConstantPool();
    String recordName = internalName(type);
    int thisClass = pool.classRef(recordName + "$$CairnAccess");
    int superClass = pool.classRef("java/lang/Object");
    int function = pool.classRef("java/util/function/Function");
    int biConsumer = pool.classRef("java/util/function/BiConsumer");
    byte[] init = initCode(pool);
    byte[] construct = constructCode(pool, type, components);
    byte[] copy = copyCode(pool, type, components);
    int code = pool.utf8("Code");
    int initName = pool.utf8("<init>");
    int initDesc = pool.utf8("()V");
    int applyName = pool.utf8("apply");
    int applyDesc = pool.utf8("(Ljava/lang/Object;)Ljava/lang/Object;");
    int acceptName = pool.utf8("accept");
    int acceptDesc = pool.utf8("(Ljava/lang/Object;Ljava/lang/Object;)V");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(0xCAFEBABE);
      out.writeShort(0);
      out.writeShort(VERSION);
      pool.writeTo(out);
      out.writeShort(ACC_PUBLIC | ACC_FINAL | ACC_SUPER);
      out.writeShort(thisClass);
      out.writeShort(superClass);
      out.writeShort(2);
      out.writeShort(function);
      out.writeShort(biConsumer);
      out.writeShort(0); // fields
      out.writeShort(3); // methods
      method(out, initName, initDesc, code, 1, 1, init);
      // Stack: the new record twice, every argument so far, then the array and an index (or a long/double).
      method(out, applyName, applyDesc, code, 2 + slots + 2, 3, construct);
      method(out, acceptName, acceptDesc, code, 6, 5, copy);
      out.writeShort(0); // class attributes
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void method(DataOutputStream out, int name, int descriptor, int codeName, int maxStack,
      int maxLocals, byte[] code) throws IOException {
    out.writeShort(ACC_PUBLIC);
    out.writeShort(name);
    out.writeShort(descriptor);
    out.writeShort(1);
    out.writeShort(codeName);
    out.writeInt(2 + 2 + 4 + code.length + 2 + 2);
    out.writeShort(maxStack);
    out.writeShort(maxLocals);
    out.writeInt(code.length);
    out.write(code);
    out.writeShort(0); // exception table
    out.writeShort(0); // code attributes
  }

  /** {@code super()}. */
  private static byte[] initCode(ConstantPool pool) {
    Code code = new Code();
    code.op(0x2a); // aload_0
    code.op(0xb7).u2(pool.methodRef("java/lang/Object", "<init>", "()V")); // invokespecial
    code.op(0xb1); // return
    return code.bytes();
  }

  /** {@code Object[] a = (Object[]) arg; return new R(unbox(a[0]), (T1) a[1], ...);} */
  private static byte[] constructCode(ConstantPool pool, Class<?> type, RecordComponent[] components) {
    Code code = new Code();
    String record = internalName(type);
    code.op(0xbb).u2(pool.classRef(record)); // new
    code.op(0x59); // dup
    code.op(0x2b); // aload_1
    code.op(0xc0).u2(pool.classRef("[Ljava/lang/Object;")); // checkcast
    code.op(0x4d); // astore_2
    StringBuilder descriptor = new StringBuilder("(");
    for (int i = 0; i < components.length; i++) {
      Class<?> component = components[i].getType();
      descriptor.append(component.descriptorString());
      code.op(0x2c); // aload_2
      code.index(pool, i);
      code.op(0x32); // aaload
      if (component.isPrimitive()) {
        String box = boxName(component);
        code.op(0xc0).u2(pool.classRef(box)); // checkcast
        code.op(0xb6).u2(pool.methodRef(box, component.getName() + "Value", "()" + component.descriptorString()));
      } else if (component != Object.class) {
        code.op(0xc0).u2(pool.classRef(internalName(component))); // checkcast
      }
    }
    code.op(0xb7).u2(pool.methodRef(record, "<init>", descriptor.append(")V").toString())); // invokespecial
    code.op(0xb0); // areturn
    return code.bytes();
  }

  /** {@code Object[] a = (Object[]) arg2; R r = (R) arg1; a[0] = box(r.c0()); ...} */
  private static byte[] copyCode(ConstantPool pool, Class<?> type, RecordComponent[] components) {
    Code code = new Code();
    String record = internalName(type);
    code.op(0x2c); // aload_2
    code.op(0xc0).u2(pool.classRef("[Ljava/lang/Object;")); // checkcast
    code.op(0x4e); // astore_3
    code.op(0x2b); // aload_1
    code.op(0xc0).u2(pool.classRef(record)); // checkcast
    code.op(0x3a).op(4); // astore 4
    for (int i = 0; i < components.length; i++) {
      Class<?> component = components[i].getType();
      code.op(0x2d); // aload_3
      code.index(pool, i);
      code.op(0x19).op(4); // aload 4
      code.op(0xb6).u2(pool.methodRef(record, components[i].getAccessor().getName(),
          "()" + component.descriptorString())); // invokevirtual
      if (component.isPrimitive()) {
        String box = boxName(component);
        code.op(0xb8).u2(pool.methodRef(box, "valueOf",
            "(" + component.descriptorString() + ")L" + box + ";")); // invokestatic
      }
      code.op(0x53); // aastore
    }
    code.op(0xb1); // return
    return code.bytes();
  }

  private static String internalName(Class<?> type) {
    return type.isArray() ? type.descriptorString() : type.getName().replace('.', '/');
  }

  private static String boxName(Class<?> primitive) {
    return "java/lang/" + switch (primitive.getName()) {
      case "int" -> "Integer";
      case "char" -> "Character";
      default -> Character.toUpperCase(primitive.getName().charAt(0)) + primitive.getName().substring(1);
    };
  }

  /** Bytecode of one method body. */
  private static final class Code {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Code op(int value) {
      bytes.write(value);
      return this;
    }

    Code u2(int value) {
      bytes.write(value >>> 8);
      bytes.write(value);
      return this;
    }

    /** Pushes the int {@code i}: iconst, bipush, sipush or ldc. */
    void index(ConstantPool pool, int i) {
      if (i <= 5) {
        op(0x03 + i);
      } else if (i <= Byte.MAX_VALUE) {
        op(0x10).op(i);
      } else if (i <= Short.MAX_VALUE) {
        op(0x11).u2(i);
      } else {
        op(0x13).u2(pool.integer(i)); // ldc_w
      }
    }

    byte[] bytes() {
      return bytes.toByteArray();
    }
  }

  /** The constant pool, deduplicated, in the order entries were asked for. */
  private static final class ConstantPool {
    private final ByteArrayOutputStream entries = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(entries);
    private final Map<String, Integer> indexes = new HashMap<>();
    private int next = 1;

    int utf8(String text) {
      return entry("U" + text, () -> {
        out.writeByte(1);
        out.writeUTF(text);
      });
    }

    int integer(int value) {
      return entry("I" + value, () -> {
        out.writeByte(3);
        out.writeInt(value);
      });
    }

    int classRef(String internalName) {
      int name = utf8(internalName);
      return entry("C" + internalName, () -> {
        out.writeByte(7);
        out.writeShort(name);
      });
    }

    int methodRef(String owner, String name, String descriptor) {
      int ownerIndex = classRef(owner);
      int nameIndex = utf8(name);
      int descriptorIndex = utf8(descriptor);
      int nameAndType = entry("N" + name + ' ' + descriptor, () -> {
        out.writeByte(12);
        out.writeShort(nameIndex);
        out.writeShort(descriptorIndex);
      });
      return entry("M" + owner + '.' + name + descriptor, () -> {
        out.writeByte(10);
        out.writeShort(ownerIndex);
        out.writeShort(nameAndType);
      });
    }

    void writeTo(DataOutputStream target) throws IOException {
      out.flush();
      target.writeShort(next);
      entries.writeTo(target);
    }

    private interface Writer {
      void write() throws IOException;
    }

    private int entry(String key, Writer writer) {
      Integer known = indexes.get(key);
      if (known != null) {
        return known;
      }
      try {
        writer.write();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      indexes.put(key, next);
      return next++;
    }
  }
}
