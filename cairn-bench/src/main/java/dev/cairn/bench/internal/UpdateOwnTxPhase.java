package dev.cairn.bench.internal;

/**
 * {@code update_own_tx}: single-row updates of random rows ({@link Workload#updates()}), each its own transaction
 * and each reading the row back as stored, as Cairn's {@code update} returns it.
 */
final class UpdateOwnTxPhase implements Phase {
  private static final long SEED = 20_260_102L;
  private final int[] rowIndexes;

  UpdateOwnTxPhase(Workload workload) {
    rowIndexes = RandomRows.positions(SEED, workload.updates(), workload.rows());
  }

  @Override
  public String name() {
    return "update_own_tx";
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
      int newAge = UserData.MIN_AGE + (i * 7) % UserData.AGE_COUNT;
      ageSum += store.updateAgeReturningRow(ids[rowIndexes[i]], newAge);
      if (i % stride == 0) {
        progress.update(i, rowIndexes.length);
      }
    }
    return ageSum;
  }
}
