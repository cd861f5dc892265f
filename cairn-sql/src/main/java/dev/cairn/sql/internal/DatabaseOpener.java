package dev.cairn.sql.internal;

import dev.cairn.sql.Database;
import dev.cairn.sql.DatabaseConfig;

/** Chooses and opens the implementation for a configuration's dialect. Not API. */
public final class DatabaseOpener {
  private DatabaseOpener() {}

  public static Database open(DatabaseConfig config) {
    throw new UnsupportedOperationException("not implemented yet: " + config.url());
  }
}
