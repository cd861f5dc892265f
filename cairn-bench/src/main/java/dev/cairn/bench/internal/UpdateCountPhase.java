package dev.cairn.bench.internal;

/**
 * {@code update_count_own_tx}: single-row updates of random rows ({@link Workload#updates()}), each its own
 * transaction, reading nothing back: Cairn's {@code updateCount} against a plain JDBC {@code executeUpdate}.
 */
final class UpdateCountPhase implements Phase {
  private static final long SEED = 20_260_103L;
  private final int[] rowIndexes;

  UpdateCountPhase(Workload workload) {
    rowIndexes = RandomRows.positions(SEED, workload.updates(), workload.rows());
  }

  @Override
  public String name() {
    return "update_count_own_tx";
  }

  @Override
  public int operations() {
    return rowIndexes.length;
  }

  @Override
  public long run(UserStore store, long[] ids, Progress progress) {
    int stride = Progress.stride(rowIndexes.length);
    long ageSum = 0;
    for (int i = 0; i < rowIndexes.length; i++) {
      int newAge = UserData.MIN_AGE + (i * 11) % UserData.AGE_COUNT;
      store.updateAge(ids[rowIndexes[i]], newAge);
      ageSum += newAge;
      if (i % stride == 0) {
        progress.update(i, rowIndexes.length);
      }
    }
    return ageSum;
  }
}
