package dev.cairn.bench.internal;

/**
 * {@code page_filter_sort}: pages of rows of one age (an indexed filter), newest {@code created_at} first, with
 * the age and the page number varying so the offsets cover the whole range of each age's rows.
 */
final class PageFilterSortPhase implements Phase {
  /** Coprime with any page count worth mentioning, so successive pages jump around the offset range. */
  private static final int PAGE_STEP = 13;

  private final int pages;
  private final int pageSize;
  private final int pagesPerAge;

  PageFilterSortPhase(Workload workload) {
    this.pages = workload.pages();
    this.pageSize = workload.pageSize();
    int rowsPerAge = Math.max(1, workload.rows() / UserData.AGE_COUNT);
    this.pagesPerAge = Math.max(1, (rowsPerAge + pageSize - 1) / pageSize);
  }

  @Override
  public String name() {
    return "page_filter_sort";
  }

  @Override
  public int operations() {
    return pages;
  }

  @Override
  public long run(UserStore store, long[] ids, Progress progress) {
    int stride = Progress.stride(pages);
    long checksum = 0;
    for (int i = 0; i < pages; i++) {
      int age = UserData.MIN_AGE + i % UserData.AGE_COUNT;
      int page = 1 + (int) ((long) i * PAGE_STEP % pagesPerAge);
      checksum += store.page(age, page, pageSize);
      if (i % stride == 0) {
        progress.update(i, pages);
      }
    }
    return checksum;
  }
}
