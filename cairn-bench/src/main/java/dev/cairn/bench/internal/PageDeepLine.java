package dev.cairn.bench.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The summary of the {@link NewestFirstPhase}s on Cairn's side, after their own lines: {@code sql.page_deep
 * first=<ops/s> offset=<ops/s> keyset=<ops/s> offset_vs_first=<ratio> keyset_vs_first=<ratio>}, pages per second of
 * the first page, of a page deep in the table by OFFSET and of the same page by keyset. Keyset paging should keep
 * {@code keyset_vs_first} near 1 whatever the table's size; OFFSET falls with the depth.
 */
public record PageDeepLine(double first, double offset, double keyset) {

  /** The line of {@code measurements}, empty unless they hold all three newest-first phases. */
  public static Optional<PageDeepLine> of(Measurements measurements) {
    if (!measurements.phases().containsAll(
        List.of(NewestFirstPhase.FIRST, NewestFirstPhase.DEEP_OFFSET, NewestFirstPhase.DEEP_KEYSET))) {
      return Optional.empty();
    }
    return Optional.of(new PageDeepLine(cairn(measurements, NewestFirstPhase.FIRST),
        cairn(measurements, NewestFirstPhase.DEEP_OFFSET), cairn(measurements, NewestFirstPhase.DEEP_KEYSET)));
  }

  /** Cairn's figure as its phase's own line shows it (the pair of rounds of the median ratio). */
  private static double cairn(Measurements measurements, String phase) {
    return measurements.median(phase, "cairn", "jdbc").side();
  }

  public String format() {
    return String.format(Locale.ROOT,
        "sql.page_deep first=%d offset=%d keyset=%d offset_vs_first=%.2f keyset_vs_first=%.2f",
        Math.round(first), Math.round(offset), Math.round(keyset), offset / first, keyset / first);
  }
}
