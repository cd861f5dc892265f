package dev.cairn.core;

/**
 * The outcome class of a data or admin operation. Every {@link Result.Failure} carries one, and so does every
 * {@link CairnException}, so callers can branch on the kind of failure without parsing messages.
 */
public enum Status {
  /** The operation succeeded. */
  OK,
  /** The addressed thing (row, table, key, subject) does not exist. */
  NOT_FOUND,
  /** A unique key or constraint already holds the value. */
  DUPLICATE,
  /** The input is malformed or does not fit the schema; nothing was changed. */
  INVALID,
  /** The operation lost a race (optimistic lock, retries exhausted, lock held by someone else). */
  CONFLICT,
  /**
   * A server or resource could not be reached in time, or the connection broke; the operation may be retried
   * later. The code tells whether it took effect: for SQL, {@code COMMIT_OUTCOME_UNKNOWN} and
   * {@code OUTCOME_UNKNOWN} mean a write may have been applied (see {@code dev.cairn.sql.Database}), every other
   * UNAVAILABLE code that nothing was written.
   */
  UNAVAILABLE,
  /** Anything else; a bug or an unexpected server answer. */
  ERROR
}
