package dev.cairn.sql.internal;

/**
 * One column as Cairn handles it.
 *
 * @param name name as stored
 * @param kind storage kind
 * @param nullable whether NULL is allowed
 * @param length VARCHAR length, 0 for unbounded text
 * @param unique whether a unique constraint covers exactly this column
 * @param indexed whether a plain index covers it
 * @param defaultValue the DEFAULT literal declared by {@code @Column(defaultValue)}, or {@code null}
 */
record ColumnModel(String name, ValueKind kind, boolean nullable, int length, boolean unique, boolean indexed,
    String defaultValue) {}
