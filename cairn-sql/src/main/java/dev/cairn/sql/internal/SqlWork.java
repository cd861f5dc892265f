package dev.cairn.sql.internal;

import java.sql.Connection;
import java.sql.SQLException;

/** Work on a borrowed connection. */
@FunctionalInterface
interface SqlWork<R> {
  R run(Connection connection) throws SQLException;
}
