package dev.cairn.sql.internal;

import dev.cairn.core.CairnException;
import dev.cairn.core.Result;
import dev.cairn.sql.Transaction;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.function.Function;

/**
 * Runs transaction work: commit on Ok, rollback on Failure or exception (CairnExceptions become their Failure,
 * other exceptions are rethrown after the rollback), retry of the whole work on transient conflicts and on a
 * connection lost before COMMIT, for the outermost transaction; savepoints for nested ones. What a failure at
 * BEGIN or COMMIT means is decided by {@link OutermostTransaction}.
 */
final class TransactionRunner {
  private TransactionRunner() {}

  static <R> Result<R> outermost(SqlContext context, boolean readOnly, Function<Transaction, Result<R>> work) {
    return context.withRetry(() -> attempt(context, readOnly, work));
  }

  private static <R> Result<R> attempt(SqlContext context, boolean readOnly, Function<Transaction, Result<R>> work) {
    try {
      context.requireOpen();
      try (OutermostTransaction transaction = OutermostTransaction.begin(context, readOnly)) {
        Result<R> result = run(context, transaction, readOnly, work);
        if (!transaction.isFinished()) {
          transaction.commit();
        }
        return result;
      }
    } catch (SQLException e) {
      return context.errors.translate(e, null);
    } catch (CairnException e) {
      return Result.failure(e);
    }
  }

  /**
   * Runs the work and rolls back unless it is to be committed (then the transaction is left open for the caller);
   * returns the work's result, or the failure that ended the transaction under it.
   */
  private static <R> Result<R> run(SqlContext context, OutermostTransaction transaction, boolean readOnly,
      Function<Transaction, Result<R>> work) {
    SqlTransaction scope = new SqlTransaction(context, transaction, readOnly);
    Result<R> result;
    try {
      result = work.apply(scope);
    } catch (CairnException e) {
      transaction.rollback(e);
      return Result.failure(e);
    } catch (RuntimeException | Error e) {
      transaction.rollback(e);
      throw e;
    } finally {
      scope.close();
    }
    if (result == null) {
      transaction.rollback(null);
      throw new IllegalStateException("transaction work returned null instead of a Result");
    }
    if (result instanceof Result.Failure<R> failure) {
      transaction.rollback(failure.cause());
      return result;
    }
    if (transaction.abortCause() != null) {
      // The work went on after a failure that ended the transaction: what it did since was not in a transaction.
      transaction.rollback(null);
      return context.errors.translate(transaction.abortCause(), null);
    }
    if (scope.isRollbackOnly()) {
      transaction.rollback(null);
      return result;
    }
    return result;
  }

  /** A savepoint inside the outermost transaction; no retry (only the outermost transaction retries). */
  static <R> Result<R> nested(SqlContext context, OutermostTransaction transaction, boolean readOnly,
      Function<Transaction, Result<R>> work) {
    Savepoint savepoint;
    try {
      transaction.requireNotAborted();
      savepoint = transaction.savepoint();
    } catch (SQLException e) {
      transaction.noteFailure(e);
      return context.errors.translate(e, null);
    } catch (CairnException e) {
      return Result.failure(e);
    }
    SqlTransaction scope = new SqlTransaction(context, transaction, readOnly);
    try {
      Result<R> result = work.apply(scope);
      if (result == null) {
        rollbackTo(context, transaction, savepoint, null);
        throw new IllegalStateException("transaction work returned null instead of a Result");
      }
      if (transaction.abortCause() != null) {
        return result.isOk() ? context.errors.translate(transaction.abortCause(), null) : result;
      }
      if (result.isOk() && !scope.isRollbackOnly()) {
        context.control.release(transaction.connection(), savepoint);
      } else {
        rollbackTo(context, transaction, savepoint, result instanceof Result.Failure<R> f ? f.cause() : null);
      }
      return result;
    } catch (CairnException e) {
      rollbackTo(context, transaction, savepoint, e);
      return Result.failure(e);
    } catch (SQLException e) {
      transaction.noteFailure(e);
      rollbackTo(context, transaction, savepoint, e);
      return context.errors.translate(e, null);
    } catch (RuntimeException | Error e) {
      rollbackTo(context, transaction, savepoint, e);
      throw e;
    } finally {
      scope.close();
    }
  }

  /** Rolls back to the savepoint unless the whole transaction has already ended; failures go to {@code original}. */
  private static void rollbackTo(SqlContext context, OutermostTransaction transaction, Savepoint savepoint,
      Throwable original) {
    if (transaction.abortCause() != null) {
      return;
    }
    try {
      context.control.rollbackTo(transaction.connection(), savepoint);
    } catch (SQLException e) {
      transaction.markAborted(e);
      if (original != null) {
        original.addSuppressed(e);
      }
    }
  }
}
