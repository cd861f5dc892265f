package dev.cairn.sql;

/** The SQL databases Cairn speaks to. */
public enum Dialect {
  SQLITE, POSTGRESQL, MARIADB, MYSQL
}
