package dev.cairn.bench.internal;

import dev.cairn.sql.Dialect;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the JDBC side binds and reads the {@code created_at} instant: the representation Cairn chose for an
 * {@code Instant} column on each dialect, written by hand the way a DAO over that schema would.
 */
enum InstantCodec {
  /**
   * SQLite has no timestamp type; Cairn stores fixed-width ISO-8601 UTC text with microseconds
   * ({@code 2026-01-01T00:00:00.000000Z}), so that text order is time order.
   */
  SQLITE_TEXT {
    @Override
    void bind(PreparedStatement statement, int index, Instant value) throws SQLException {
      statement.setString(index, FIXED_MICROS.format(value));
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

  private static final DateTimeFormatter FIXED_MICROS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

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
