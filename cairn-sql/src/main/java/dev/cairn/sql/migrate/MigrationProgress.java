package dev.cairn.sql.migrate;

/**
 * Told before each script of a {@link Migrations#run(String, MigrationProgress) run} or
 * {@link Migrations#downgrade(String, MigrationProgress) downgrade} starts, so a long one can show where it is.
 * Called on the migrating thread; an exception thrown here ends the operation like a failing script would, so
 * implementations should not throw.
 */
@FunctionalInterface
public interface MigrationProgress {
  /** Ignores every step. */
  MigrationProgress NONE = (step, total, script) -> {};

  /**
   * @param step the number of the script starting, from 1
   * @param total how many scripts the operation will run
   * @param script the script's file name ({@code V3__add_index.sql}, {@code U3__add_index.sql})
   */
  void starting(int step, int total, String script);
}
