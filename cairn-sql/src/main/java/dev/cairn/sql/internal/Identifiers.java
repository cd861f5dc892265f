package dev.cairn.sql.internal;

/** Shows caller-given identifiers in messages safely: one line, bounded length. */
final class Identifiers {
  private Identifiers() {}

  static String shown(String identifier) {
    String oneLine = identifier.replaceAll("\\p{Cntrl}", "?");
    return oneLine.length() > 80 ? oneLine.substring(0, 80) + "..." : oneLine;
  }
}
