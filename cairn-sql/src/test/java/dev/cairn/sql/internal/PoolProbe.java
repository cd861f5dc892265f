package dev.cairn.sql.internal;

import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.sql.Database;
import java.util.List;

/** Test access to the HikariCP pools behind a {@link Database}, to read their settings back. */
public final class PoolProbe {
  private PoolProbe() {}

  /** The pools: one on a server; the writer then the readers on a SQLite file. */
  public static List<HikariDataSource> pools(Database db) {
    return ((SqlDatabase) db).context.connections.pools();
  }
}
