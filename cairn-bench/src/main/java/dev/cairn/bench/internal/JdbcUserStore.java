package dev.cairn.bench.internal;

import dev.cairn.core.CairnException;
import dev.cairn.sql.Database;
import dev.cairn.sql.Dialect;
import dev.cairn.sql.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The JDBC side: what a careful hand-written DAO does on one connection. Statements are prepared once per table
 * and reused; inserts are one {@code executeBatch} per chunk in a transaction of its own; an update is one
 * auto-committed statement, and one that reads the row back is an {@code UPDATE ... RETURNING} where the dialect
 * has it (SQLite, PostgreSQL), else an UPDATE and a SELECT in one transaction (MariaDB). Reads map rows into
 * {@link JdbcBenchUser} records, as Cairn maps into its records.
 *
 * <p>Only the untimed {@link #recreate()} and {@link #drop()} go through Cairn, so both tables have the same DDL.
 */
public final class JdbcUserStore implements UserStore {
  private static final String COLUMNS = "id, name, email, age, created_at";
  private static final String TABLE = "bench_users_jdbc";

  private final Table<JdbcBenchUser> ddl;
  private final Connection connection;
  private final InstantCodec instants;
  private final boolean sqlite;
  private final boolean returning;
  private JdbcStatements statements;
  private Instant positionCreatedAt;
  private long positionId;

  /** Takes ownership of {@code connection}; {@code database} is only used to create and drop the table. */
  public JdbcUserStore(Database database, Connection connection) {
    this.ddl = database.table(JdbcBenchUser.class);
    this.connection = connection;
    this.instants = InstantCodec.forDialect(database.dialect());
    this.sqlite = database.dialect() == Dialect.SQLITE;
    this.returning = sqlite || database.dialect() == Dialect.POSTGRESQL;
  }

  @Override
  public String side() {
    return "jdbc";
  }

  @Override
  public void recreate() {
    closeStatements();
    ddl.drop().orElseThrow();
    ddl.create().orElseThrow();
    try {
      statements = JdbcStatements.prepare(connection, TABLE, COLUMNS, returning);
    } catch (SQLException e) {
      throw failure("preparing statements", e);
    }
  }

  /**
   * Brings the database to a quiet state before a side's timed run (untimed): on SQLite, empties the write-ahead
   * log both tables share (see {@link WalCheckpoint}); nothing on servers.
   */
  public void settle() {
    if (sqlite) {
      WalCheckpoint.truncate(connection);
    }
  }

  @Override
  public void insertChunk(List<UserData> rows) {
    PreparedStatement insert = statements().insert();
    try {
      connection.setAutoCommit(false);
      try {
        for (UserData row : rows) {
          insert.setString(1, row.name());
          insert.setString(2, row.email());
          insert.setInt(3, row.age());
          instants.bind(insert, 4, row.createdAt());
          insert.addBatch();
        }
        insert.executeBatch();
        connection.commit();
      } catch (SQLException e) {
        rollback(e);
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failure("batch insert", e);
    }
  }

  @Override
  public long[] ids() {
    LongCollector ids = new LongCollector();
    try (PreparedStatement select = connection.prepareStatement("SELECT id FROM " + TABLE + " ORDER BY id");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        ids.add(rows.getLong(1));
      }
    } catch (SQLException e) {
      throw failure("reading ids", e);
    }
    return ids.toArray();
  }

  @Override
  public int ageOf(long id) {
    PreparedStatement select = statements().selectById();
    try {
      select.setLong(1, id);
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          throw new CairnException("BENCH_ROW_MISSING", "jdbc: no row with id " + id + " in " + TABLE);
        }
        return map(rows).age();
      }
    } catch (SQLException e) {
      throw failure("select by id", e);
    }
  }

  @Override
  public long page(int age, int page, int size) {
    PreparedStatement select = statements().selectPage();
    try {
      select.setInt(1, age);
      select.setInt(2, size + 1);
      select.setLong(3, (long) (page - 1) * size);
      return ageSum(select, size);
    } catch (SQLException e) {
      throw failure("page query", e);
    }
  }

  @Override
  public long joinAggregate(int age) {
    PreparedStatement select = statements().joinAggregate();
    try {
      select.setInt(1, age);
      long checksum = 0;
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          checksum += rows.getLong("n") + rows.getLong("total") + rows.getString("top").length();
        }
      }
      return checksum;
    } catch (SQLException e) {
      throw failure("join aggregate", e);
    }
  }

  @Override
  public void updateAge(long id, int age) {
    // In auto-commit mode a single statement is its own transaction: what hand-written code does for a one-row
    // change, and what Cairn does where the dialect can return the row from the UPDATE itself.
    PreparedStatement update = statements().updateAge();
    try {
      update.setInt(1, age);
      update.setLong(2, id);
      int changed = update.executeUpdate();
      if (changed != 1) {
        throw new CairnException("BENCH_ROW_MISSING", "jdbc: update of id " + id + " changed " + changed + " rows");
      }
    } catch (SQLException e) {
      throw failure("update", e);
    }
  }

  @Override
  public int updateAgeReturningRow(long id, int age) {
    try {
      if (returning) {
        PreparedStatement update = statements().updateAgeReturning();
        update.setInt(1, age);
        update.setLong(2, id);
        return readBack(update, id);
      }
      connection.setAutoCommit(false);
      try {
        PreparedStatement update = statements().updateAge();
        update.setInt(1, age);
        update.setLong(2, id);
        update.executeUpdate();
        PreparedStatement select = statements().selectById();
        select.setLong(1, id);
        int stored = readBack(select, id);
        connection.commit();
        return stored;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failure("update returning the row", e);
    }
  }

  /** The one row {@code statement} answers, mapped; read to its end, as SQLite commits a RETURNING there. */
  private int readBack(PreparedStatement statement, long id) throws SQLException {
    try (ResultSet rows = statement.executeQuery()) {
      if (!rows.next()) {
        throw new CairnException("BENCH_ROW_MISSING", "jdbc: no row with id " + id + " in " + TABLE);
      }
      JdbcBenchUser stored = map(rows);
      while (rows.next()) {
        // an id matches one row; stepping on lets SQLite finish (and commit) the statement
      }
      return stored.age();
    }
  }

  @Override
  public long newestFirstPage(int page, int size) {
    PreparedStatement select = statements().newestFirstByOffset();
    try {
      select.setInt(1, size + 1);
      select.setLong(2, (long) (page - 1) * size);
      return ageSum(select, size);
    } catch (SQLException e) {
      throw failure("newest-first offset page", e);
    }
  }

  @Override
  public void rememberPositionAfterPage(int page, int size) {
    PreparedStatement select = statements().positionAtOffset();
    try {
      select.setInt(1, 1);
      select.setLong(2, (long) page * size - 1);
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          throw new CairnException("BENCH_ROW_MISSING", "jdbc: " + TABLE + " has no page " + page + " of " + size);
        }
        positionCreatedAt = instants.read(rows, 1);
        positionId = rows.getLong(2);
      }
    } catch (SQLException e) {
      throw failure("reading a keyset position", e);
    }
  }

  @Override
  public long newestFirstPageAfterPosition(int size) {
    PreparedStatement select = statements().newestFirstAfter();
    try {
      instants.bind(select, 1, positionCreatedAt);
      instants.bind(select, 2, positionCreatedAt);
      instants.bind(select, 3, positionCreatedAt);
      select.setLong(4, positionId);
      select.setInt(5, size + 1);
      return ageSum(select, size);
    } catch (SQLException e) {
      throw failure("newest-first keyset page", e);
    }
  }

  /**
   * The ages of the page's rows summed, plus one when a next page exists. The statement asks for {@code size + 1}
   * rows, as Cairn does: its pages say whether another follows, and the extra row is how a hand-written DAO
   * finds out too without a second query.
   */
  private long ageSum(PreparedStatement select, int size) throws SQLException {
    long sum = 0;
    try (ResultSet rows = select.executeQuery()) {
      int read = 0;
      while (read < size && rows.next()) {
        sum += map(rows).age();
        read++;
      }
      if (read == size && rows.next()) {
        sum++;
      }
    }
    return sum;
  }

  @Override
  public void drop() {
    closeStatements();
    ddl.drop().orElseThrow();
  }

  @Override
  public void close() {
    closeStatements();
    try {
      connection.close();
    } catch (SQLException e) {
      throw failure("closing the connection", e);
    }
  }

  /** Rolls back after {@code failure}; a rollback failure is attached to it instead of replacing it. */
  private void rollback(SQLException failure) {
    try {
      connection.rollback();
    } catch (SQLException rollbackFailure) {
      failure.addSuppressed(rollbackFailure);
    }
  }

  private JdbcBenchUser map(ResultSet row) throws SQLException {
    return new JdbcBenchUser(row.getLong(1), row.getString(2), row.getString(3), row.getInt(4), instants.read(row, 5));
  }

  private JdbcStatements statements() {
    if (statements == null) {
      throw new IllegalStateException("recreate() must run before the first operation");
    }
    return statements;
  }

  private void closeStatements() {
    if (statements != null) {
      JdbcStatements open = statements;
      statements = null;
      try {
        open.close();
      } catch (SQLException e) {
        throw failure("closing statements", e);
      }
    }
  }

  private static CairnException failure(String what, SQLException e) {
    return new CairnException("BENCH_JDBC_FAILED", "jdbc " + what + " failed: " + OneLine.of(e.getMessage()), e);
  }
}
