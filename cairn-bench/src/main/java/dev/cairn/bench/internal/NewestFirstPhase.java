package dev.cairn.bench.internal;

/**
 * The whole table, newest {@code created_at} first, one page at a time, three ways: {@code page_first} (the first
 * page), {@code page_deep_offset} (a page nine tenths into the table by OFFSET, which the database reaches by
 * reading every row before it) and {@code page_deep_keyset} (the same page by keyset, after the position the page
 * before it handed out, which an index reaches directly). Keyset paging keeps a deep page as cheap as the first;
 * OFFSET does not, so the deep OFFSET phase runs few pages to keep large tables quick to measure.
 */
final class NewestFirstPhase implements Phase {
  static final String FIRST = "page_first";
  static final String DEEP_OFFSET = "page_deep_offset";
  static final String DEEP_KEYSET = "page_deep_keyset";

  private final String name;
  private final int pages;
  private final int page;
  private final int pageSize;

  private NewestFirstPhase(String name, int pages, int page, int pageSize) {
    this.name = name;
    this.pages = pages;
    this.page = page;
    this.pageSize = pageSize;
  }

  static NewestFirstPhase first(Workload workload) {
    return new NewestFirstPhase(FIRST, workload.keysetPages(), 1, workload.pageSize());
  }

  static NewestFirstPhase deepOffset(Workload workload) {
    return new NewestFirstPhase(DEEP_OFFSET, workload.deepOffsetPages(), workload.deepPage(), workload.pageSize());
  }

  static NewestFirstPhase deepKeyset(Workload workload) {
    return new NewestFirstPhase(DEEP_KEYSET, workload.keysetPages(), workload.deepPage(), workload.pageSize());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int operations() {
    return pages;
  }

  @Override
  public void prepare(UserStore store) {
    if (name.equals(DEEP_KEYSET)) {
      store.rememberPositionAfterPage(page - 1, pageSize);
    }
  }

  @Override
  public long run(UserStore store, long[] ids, Progress progress) {
    int stride = Progress.stride(pages);
    long checksum = 0;
    for (int i = 0; i < pages; i++) {
      checksum += name.equals(DEEP_KEYSET) ? store.newestFirstPageAfterPosition(pageSize)
          : store.newestFirstPage(page, pageSize);
      if (i % stride == 0) {
        progress.update(i, pages);
      }
    }
    return checksum;
  }
}
