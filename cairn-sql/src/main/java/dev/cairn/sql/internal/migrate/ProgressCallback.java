package dev.cairn.sql.internal.migrate;

import dev.cairn.sql.migrate.MigrationProgress;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/** Tells a {@link MigrationProgress} before each versioned script Flyway applies. Used by one run, one thread. */
final class ProgressCallback implements Callback {
  private final MigrationProgress progress;
  private final int total;
  private int step;

  ProgressCallback(MigrationProgress progress, int total) {
    this.progress = progress;
    this.total = total;
  }

  @Override
  public boolean supports(Event event, Context context) {
    return event == Event.BEFORE_EACH_MIGRATE;
  }

  @Override
  public boolean canHandleInTransaction(Event event, Context context) {
    return true;
  }

  @Override
  public void handle(Event event, Context context) {
    step++;
    progress.starting(step, Math.max(total, step), context.getMigrationInfo().getScript());
  }

  @Override
  public String getCallbackName() {
    return "cairn-progress";
  }
}
