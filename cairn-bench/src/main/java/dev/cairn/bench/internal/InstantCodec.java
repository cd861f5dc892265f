package dev.cairn.bench.internal;

import dev.cairn.sql.Dialect;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * How the JDBC side binds and reads the {@code created_at} instant: the representation Cairn chose for an
 * {@code Instant} column on each dialect, written by hand the way a DAO over that schema would.
 */
enum InstantCodec {
  /** SQLite has no timestamp type; Cairn stores ISO-8601 UTC text, which sorts chronologically. */
  SQLITE_TEXT {
    @Override
    void bind(PreparedStatement statement, int index, Instant value) throws SQLException {
      statement.setString(index, value.toString());
    }

    @Override
    Instant read(ResultSet row, int index) throws SQLException {
      return Instant.parse(row.getString(index));
    }
  },
  /** PostgreSQL {@code timestamptz} through the JDBC 4.2 {@code OffsetDateTime} mapping. */
  OFFSET_DATE_TIME {
    @Override
    void bind(PreparedStatement statement, int index, Instant value) throws SQLException {
      statement.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
    }

    @Override
    Instant read(ResultSet row, int index) throws SQLException {
      return row.getObject(index, OffsetDateTime.class).toInstant();
    }
  },
  /** MariaDB/MySQL have no zoned timestamp; Cairn keeps UTC wall-clock time in a {@code DATETIME(6)}. */
  UTC_LOCAL_DATE_TIME {
    @Override
    void bind(PreparedStatement statement, int index, Instant value) throws SQLException {
      statement.setObject(index, LocalDateTime.ofInstant(value, ZoneOffset.UTC));
    }

    @Override
    Instant read(ResultSet row, int index) throws SQLException {
      return row.getObject(index, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }
  };

  abstract void bind(PreparedStatement statement, int index, Instant value) throws SQLException;

  abstract Instant read(ResultSet row, int index) throws SQLException;

  static InstantCodec forDialect(Dialect dialect) {
    return switch (dialect) {
      case SQLITE -> SQLITE_TEXT;
      case POSTGRESQL -> OFFSET_DATE_TIME;
      case MARIADB, MYSQL -> UTC_LOCAL_DATE_TIME;
    };
  }
}
