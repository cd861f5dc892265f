package dev.cairn.bench.internal;

/** {@code get_by_id}: N/5 reads of random existing rows by primary key. */
final class GetByIdPhase implements Phase {
  private static final long SEED = 20_260_101L;
  private final int[] rowIndexes;

  GetByIdPhase(Workload workload) {
    rowIndexes = RandomRows.positions(SEED, workload.reads(), workload.rows());
  }

  @Override
  public String name() {
    return "get_by_id";
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
      ageSum += store.ageOf(ids[rowIndexes[i]]);
      if (i % stride == 0) {
        progress.update(i, rowIndexes.length);
      }
    }
    return ageSum;
  }
}
