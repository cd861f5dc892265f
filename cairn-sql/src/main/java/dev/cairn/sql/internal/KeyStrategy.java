package dev.cairn.sql.internal;

/** How a table's primary key gets its value on insert. */
enum KeyStrategy {
  /** No single-column primary key. */
  NONE,
  /** The caller always provides it. */
  ASSIGNED,
  /** The database generates it (identity / autoincrement) when the row holds null (or 0 for primitives). */
  IDENTITY,
  /** Cairn assigns a random UUID when the row holds null. */
  RANDOM_UUID
}
