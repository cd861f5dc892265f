package dev.cairn.bench.internal;

import java.util.List;

/**
 * One side of the comparison (Cairn or hand-written JDBC) over its own users table. Phases call these operations
 * in their timed loops, so implementations do the work of one operation and nothing else. Not thread-safe: one
 * thread drives a store.
 *
 * <p>Every method throws an unchecked exception when the database fails; the workload then stops, since a figure
 * measured over failing calls would be meaningless.
 */
public interface UserStore extends AutoCloseable {

  /** {@code cairn} or {@code jdbc}, as printed. */
  String side();

  /** Drops the table if it is there and creates it empty, with its unique constraint and indexes. Untimed. */
  void recreate();

  /** Inserts {@code rows} in one batch in one transaction. */
  void insertChunk(List<UserData> rows);

  /** Every id in the table in ascending order, so index i is the i-th inserted row. Untimed. */
  long[] ids();

  /** Reads the row with this id and returns its age; fails if there is no such row. */
  int ageOf(long id);

  /**
   * Reads page {@code page} (1-based) of {@code size} rows with this age, newest {@code created_at} first.
   *
   * @return the sum of the ages of the rows on the page (their count times {@code age}), a checksum the runner
   *     compares across sides
   */
  long page(int age, int page, int size);

  /**
   * Runs {@link JdbcStatements#joinAggregateSql} for {@code age} as raw SQL.
   *
   * @return the row count plus the sum of ages, a checksum the runner compares across sides
   */
  long joinAggregate(int age);

  /**
   * Sets the age of one row in its own transaction and reads the row back as stored, in the same statement where
   * the dialect can ({@code UPDATE ... RETURNING}), else with a SELECT in the same transaction.
   *
   * @return the age of the row read back; fails if there is no such row
   */
  int updateAgeReturningRow(long id, int age);

  /** Sets the age of one row in its own transaction, reading nothing back; fails unless exactly that row was found. */
  void updateAge(long id, int age);

  /**
   * Reads page {@code page} (1-based) of {@code size} rows of the whole table, newest {@code created_at} first (then
   * highest id), by OFFSET.
   *
   * @return the sum of the ages on the page, a checksum the runner compares across sides
   */
  long newestFirstPage(int page, int size);

  /**
   * Untimed: remembers the keyset position after the last row of offset page {@code page} of
   * {@link #newestFirstPage}, the way a client keeps the position its previous page handed out.
   */
  void rememberPositionAfterPage(int page, int size);

  /**
   * Reads the {@code size} rows after the remembered position ({@link #rememberPositionAfterPage}), by keyset.
   *
   * @return the sum of the ages on the page, equal to that of the offset page that follows the remembered one
   */
  long newestFirstPageAfterPosition(int size);

  /** Drops the table if it exists. */
  void drop();

  /** Releases connections; does not drop the table. */
  @Override
  void close();
}
