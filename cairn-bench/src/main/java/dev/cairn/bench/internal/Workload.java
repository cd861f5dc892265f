package dev.cairn.bench.internal;

import java.util.List;
import java.util.Set;

/**
 * The sizes of one run of the phases over a table of {@code rows} rows.
 *
 * @param rows N, rows inserted by {@code bulk_insert}
 * @param chunkSize rows per {@code insertAll} call / JDBC batch, each its own transaction
 * @param pages pages read by {@code page_filter_sort}
 * @param pageSize rows per page
 */
public record Workload(int rows, int chunkSize, int pages, int pageSize) {
  /** Rows per insert chunk: large enough to amortise the commit, small enough to be a realistic request. */
  public static final int CHUNK_SIZE = 1000;
  public static final int PAGES = 1000;
  public static final int PAGE_SIZE = 50;
  /** Reads by id and single-row updates stop growing here, so a large table is quick to measure. */
  public static final int MAX_READS = 20_000;
  public static final int MAX_UPDATES = 5_000;
  /** Pages read by OFFSET deep in the table, each reading the rows before it: few, or a large table takes long. */
  public static final int DEEP_OFFSET_PAGES = 20;

  public Workload {
    if (rows < 1 || chunkSize < 1 || pages < 1 || pageSize < 1) {
      throw new IllegalArgumentException("workload sizes must be positive: " + rows + "/" + chunkSize + "/" + pages
          + "/" + pageSize);
    }
  }

  /** The measured workload of the brief for {@code rows} rows. */
  public static Workload of(int rows) {
    return new Workload(rows, Math.min(rows, CHUNK_SIZE), PAGES, PAGE_SIZE);
  }

  /**
   * The same code paths on a small table, run before anything is timed until the JIT has compiled them (see
   * {@code WorkloadRunner}): as many pages as a measured round, since a per-page method is compiled fully only
   * after a few thousand calls, but over 5,000 rows, so a round takes seconds.
   */
  public Workload warmUp() {
    int warmRows = Math.min(rows, 5_000);
    return new Workload(warmRows, Math.min(warmRows, chunkSize), pages, pageSize);
  }

  /** N/5 random reads by id, at most {@link #MAX_READS}. */
  public int reads() {
    return Math.max(1, Math.min(MAX_READS, rows / 5));
  }

  /** N/20 single-row updates, at most {@link #MAX_UPDATES}. */
  public int updates() {
    return Math.max(1, Math.min(MAX_UPDATES, rows / 20));
  }

  /**
   * Pages of {@link NewestFirstPhase} per first-page and keyset run: twice {@link #pages()}, as such a page costs a
   * fraction of a filtered one, and a run shorter than a few tenths of a second is mostly noise.
   */
  public int keysetPages() {
    return 2 * pages;
  }

  /** Pages of {@link NewestFirstPhase} per deep OFFSET run. */
  public int deepOffsetPages() {
    return Math.min(pages, DEEP_OFFSET_PAGES);
  }

  /** The deep page: nine tenths into the table, and never the first (its keyset position comes from the one before). */
  public int deepPage() {
    return Math.max(2, (int) ((long) rows * 9 / 10 / pageSize));
  }

  /** The phases in the order they run; each leaves the table as the next one expects it. */
  public List<Phase> phases() {
    return List.of(new BulkInsertPhase(this), new GetByIdPhase(this), new PageFilterSortPhase(this),
        new RawQueryPhase(this), NewestFirstPhase.first(this), NewestFirstPhase.deepOffset(this),
        NewestFirstPhase.deepKeyset(this), new UpdateOwnTxPhase(this), new UpdateCountPhase(this));
  }

  /**
   * The phases named in {@code only}, in the order they run, and {@code bulk_insert} always: every other phase
   * reads the rows it writes. An empty set means every phase. Each phase prepares what it needs itself, so any
   * subset runs as it would in the whole workload.
   */
  public List<Phase> phases(Set<String> only) {
    if (only.isEmpty()) {
      return phases();
    }
    List<Phase> all = phases();
    return all.stream().filter(phase -> phase == all.getFirst() || only.contains(phase.name())).toList();
  }

  /** The names of the phases, in the order they run ({@code bulk_insert} first). */
  public static List<String> phaseNames() {
    return of(100).phases().stream().map(Phase::name).toList();
  }
}
