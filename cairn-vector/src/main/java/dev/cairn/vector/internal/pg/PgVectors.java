package dev.cairn.vector.internal.pg;

/** pgvector's text form {@code [1,2.5,-3]}, written and read. */
final class PgVectors {
  private PgVectors() {}

  static String text(float[] vector) {
    StringBuilder out = new StringBuilder(vector.length * 10).append('[');
    for (int i = 0; i < vector.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(vector[i]);
    }
    return out.append(']').toString();
  }

  static float[] parse(String text) {
    String body = text.substring(1, text.length() - 1);
    if (body.isEmpty()) {
      return new float[0];
    }
    String[] parts = body.split(",");
    float[] vector = new float[parts.length];
    for (int i = 0; i < parts.length; i++) {
      vector[i] = Float.parseFloat(parts[i]);
    }
    return vector;
  }
}
