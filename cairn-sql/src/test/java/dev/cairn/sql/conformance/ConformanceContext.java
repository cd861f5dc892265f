package dev.cairn.sql.conformance;

import dev.cairn.sql.Database;
import dev.cairn.sql.DatabaseConfig;
import dev.cairn.sql.Dialect;

/**
 * What the conformance test interfaces need from the running suite. Implemented by {@link DatabaseConformance};
 * the test interfaces only call it.
 */
public interface ConformanceContext {

  /** The database under test, open for the whole class; tables are dropped before each test. */
  Database db();

  /** The dialect the URL names. */
  Dialect dialect();

  /**
   * The URL text the database under test was opened with, to open it again with options or environment variables
   * of a test's own.
   */
  String url();

  /** The default configuration of the database under test, to open a second instance on the same database. */
  DatabaseConfig config();

  /**
   * Runs statements on the database through a plain JDBC connection, bypassing Cairn: for what records cannot
   * declare (foreign keys, defaults) and for holding locks. Skips the test where no second connection can reach
   * the database ({@code sqlite::memory:} is private to its {@link Database}).
   */
  void executeRaw(String... sql);
}
