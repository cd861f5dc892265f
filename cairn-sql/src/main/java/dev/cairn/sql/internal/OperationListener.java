package dev.cairn.sql.internal;

/**
 * Told about each public database operation when it ends. Deliberately free of any metrics library: the only
 * implementation that records meters lives in {@link dev.cairn.sql.DatabaseMetrics}, so a user who never binds
 * metrics never loads Micrometer. Implementations must be thread-safe, fast and must not throw.
 */
public interface OperationListener {

  /**
   * @param operation the method's name in snake case ({@code insert}, {@code find}, {@code sql_query},
   *     {@code transaction}...)
   * @param outcome {@code ok}, the failure's status in lower case ({@code not_found}, {@code duplicate},
   *     {@code unavailable}...) or {@code exception} when the call threw
   * @param nanos how long the call took
   */
  void completed(String operation, String outcome, long nanos);
}
