package dev.cairn.sql.internal;

import dev.cairn.core.InvalidInputException;
import dev.cairn.core.UnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.Savepoint;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One outermost transaction on a connection of its own, from BEGIN until the connection goes back to its pool.
 * Not thread-safe: used by the thread that runs the transaction.
 *
 * <p>What a failure says about the outcome:
 * <ul>
 *   <li>Before COMMIT is sent nothing is committed. A failure is what the database said; a lost connection
 *       translates to UNAVAILABLE {@code DATABASE_UNAVAILABLE}, which the caller may retry.
 *   <li>A COMMIT answered with an error did not commit (the database rolled back, or the transaction is still
 *       open and is rolled back here): the error is translated as any other.
 *   <li>A COMMIT whose answer never came (the connection broke while it was on its way) may or may not have
 *       committed: {@link #commit()} throws UNAVAILABLE {@code COMMIT_OUTCOME_UNKNOWN}, which is never retried.
 *   <li>Once COMMIT succeeded nothing turns the result into a failure: a connection that then cannot return to
 *       auto-commit is evicted and the caller still sees Ok.
 * </ul>
 * A connection whose transaction state is uncertain (a failed BEGIN on a broken connection, a failed ROLLBACK, an
 * unanswered COMMIT, a failed return to auto-commit) is evicted from its pool, never reused.
 *
 * <p>The object is also the state nested scopes share: savepoint numbering, and whether the database has already
 * ended the transaction by itself ({@link #noteFailure}), after which further statements would run outside it.
 */
final class OutermostTransaction implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutermostTransaction.class);

  private final SqlContext context;
  private final Connection connection;
  private final boolean readOnly;
  private boolean finished;
  private boolean reusable = true;
  private int savepoints;
  private SQLException abortCause;

  private OutermostTransaction(SqlContext context, Connection connection, boolean readOnly) {
    this.context = context;
    this.connection = connection;
    this.readOnly = readOnly;
  }

  /**
   * Borrows a connection (a reader for a read-only transaction, else the writer) within the call's deadline and
   * begins. A BEGIN the database refused leaves the connection as it was (SQLite's explicit BEGIN either starts
   * the transaction or changes nothing), so it goes back to the pool unless the connection itself broke.
   */
  static OutermostTransaction begin(SqlContext context, boolean readOnly) throws SQLException {
    Deadline deadline = Deadline.current(context.config);
    Connection connection = readOnly ? context.connections.reader(deadline) : context.connections.writer(deadline);
    OutermostTransaction transaction = new OutermostTransaction(context, connection, readOnly);
    try {
      context.control.begin(connection, readOnly);
    } catch (SQLException | RuntimeException | Error e) {
      transaction.finished = true;
      transaction.reusable = !(e instanceof SQLException sql && context.errors.isConnectionLoss(sql));
      transaction.close();
      throw e;
    }
    return transaction;
  }

  Connection connection() {
    return connection;
  }

  /** Whether the transaction was committed or rolled back (or never began). */
  boolean isFinished() {
    return finished;
  }

  /** Records a failed statement; after one that may have ended the whole transaction, it counts as aborted. */
  void noteFailure(SQLException failure) {
    if (abortCause == null && context.errors.endsTransaction(failure)) {
      abortCause = failure;
    }
  }

  /** Marks the transaction aborted after a failure that leaves its state unknown (a failed ROLLBACK TO). */
  void markAborted(SQLException failure) {
    if (abortCause == null) {
      abortCause = failure;
    }
  }

  /** The failure after which the database may have ended the transaction, or null. */
  SQLException abortCause() {
    return abortCause;
  }

  /** Refuses further work once the database may have ended the transaction by itself. */
  void requireNotAborted() {
    if (abortCause != null) {
      throw new InvalidInputException("TRANSACTION_ABORTED", "an earlier statement of this transaction failed in a"
          + " way that ends the whole transaction, so it can only roll back", Map.of(), abortCause);
    }
  }

  Savepoint savepoint() throws SQLException {
    return context.control.savepoint(connection, ++savepoints);
  }

  /** Commits; see the class comment for what its failures mean. */
  void commit() throws SQLException {
    finished = true;
    if (connection.isClosed()) {
      // The pool closes a connection it saw break: COMMIT was never sent, and the server rolled back.
      reusable = false;
      throw new SQLNonTransientConnectionException("the connection broke before COMMIT", "08003");
    }
    try {
      context.control.commit(connection);
    } catch (SQLException e) {
      if (context.errors.isConnectionLoss(e) || e instanceof SQLTimeoutException) {
        reusable = false;
        Map<String, Object> details = new LinkedHashMap<>();
        if (e.getSQLState() != null) {
          details.put("sqlState", e.getSQLState());
        }
        throw new UnavailableException("COMMIT_OUTCOME_UNKNOWN", "the connection broke while COMMIT was on its way:"
            + " the transaction may or may not have been committed; it is not retried", details, e);
      }
      rollbackQuietly(e);
      throw e;
    }
  }

  /** Rolls back after a failure or on request; a rollback failure is attached to {@code original}, if any. */
  void rollback(Throwable original) {
    finished = true;
    rollbackQuietly(original != null ? original : abortCause);
  }

  private void rollbackQuietly(Throwable original) {
    try {
      context.control.rollback(connection);
    } catch (SQLException e) {
      // Whether a transaction is still open is now unknown (SQLite may have rolled back by itself already).
      reusable = false;
      if (original != null) {
        original.addSuppressed(e);
      } else {
        LOG.warn("evicting a {} connection whose ROLLBACK failed", context.dialect, e);
      }
    }
  }

  /** Rolls back if still open, returns the connection to auto-commit, then to its pool, or evicts it. */
  @Override
  public void close() {
    if (!finished) {
      rollback(null);
    }
    if (reusable) {
      try {
        context.control.end(connection, readOnly);
      } catch (SQLException e) {
        LOG.warn("evicting a {} connection that could not return to auto-commit", context.dialect, e);
        reusable = false;
      }
    }
    if (!reusable) {
      // An evicted connection is closed by the pool; closing its proxy as well would fail.
      context.connections.evict(connection, readOnly);
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.warn("giving a {} connection back to its pool failed", context.dialect, e);
    }
  }
}
