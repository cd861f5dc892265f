package dev.cairn.sql.internal.migrate;

/** The names Cairn gives constraints and indexes, the same ones {@code Table.create()} uses. */
final class Names {
  private Names() {}

  static String unique(String table, String column) {
    return "uk_" + table + "_" + column;
  }

  static String index(String table, String column) {
    return "ix_" + table + "_" + column;
  }
}
