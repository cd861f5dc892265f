package dev.cairn.bench.internal;

/**
 * {@code raw_query}: a join and an aggregate written as SQL, run through {@code Database.query} on the Cairn side
 * and a prepared statement on the JDBC side; one query per page of the {@code page_filter_sort} phase, the age
 * cycling over all ages.
 */
final class RawQueryPhase implements Phase {
  private final int queries;

  RawQueryPhase(Workload workload) {
    this.queries = workload.pages();
  }

  @Override
  public String name() {
    return "raw_query";
  }

  @Override
  public int operations() {
    return queries;
  }

  @Override
  public long run(UserStore store, long[] ids, Progress progress) {
    int stride = Progress.stride(queries);
    long checksum = 0;
    for (int i = 0; i < queries; i++) {
      checksum += store.joinAggregate(UserData.MIN_AGE + i % UserData.AGE_COUNT);
      if (i % stride == 0) {
        progress.update(i, queries);
      }
    }
    return checksum;
  }
}
