package dev.cairn.bench.faults;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What one fault scenario measured, counted from outside the system under test. Immutable.
 *
 * <p>Every write carries a unique id, so after the fault each id's presence is counted exactly:
 *
 * @param scenario the scenario's name, e.g. {@code sqlite_kill9}
 * @param attempts writes (or probes) the clients started
 * @param acked writes the client was told succeeded
 * @param lost acked writes absent afterwards (a torn transaction, half present, counts too)
 * @param duplicated writes present more than once, a counter above acked + outcome-unknown, a write aborted on
 *     purpose but present, or a fenced write accepted with a stale token: every way a write took effect more often
 *     than the client was told
 * @param falseFailures writes reported failed with a definite-failure code (not an outcome-unknown code such as
 *     {@code COMMIT_OUTCOME_UNKNOWN} or {@code KV_OUTCOME_UNKNOWN}) but present afterwards; for probes, a read of
 *     something that exists answered as failed (an error status or no answer in time)
 * @param maxWaitMs the longest single call, in milliseconds
 * @param details further figures of the scenario, printed after the six above in insertion order (proof that the
 *     fault happened, outcome-unknown counts, {@code integrity=ok}, ...)
 */
public record FaultReport(String scenario, long attempts, long acked, long lost, long duplicated, long falseFailures,
    long maxWaitMs, Map<String, Object> details) {
  private static final Pattern BLANKS = Pattern.compile("\\s+");

  public FaultReport {
    Objects.requireNonNull(scenario, "scenario");
    details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  /** Whether nothing was lost, duplicated or falsely reported failed. */
  public boolean clean() {
    return lost == 0 && duplicated == 0 && falseFailures == 0;
  }

  /** A detail figure, or {@code null} when the scenario has no such figure. */
  public Object detail(String name) {
    return details.get(name);
  }

  /** A numeric detail figure, or -1 when there is none. */
  public long count(String name) {
    return details.get(name) instanceof Number number ? number.longValue() : -1;
  }

  /**
   * The line {@code cairn bench faults} prints: {@code fault.<scenario> attempts=N acked=N lost=N duplicated=N
   * false_failures=N max_wait_ms=N}, then the details as {@code name=value} (blanks in a value become {@code _}).
   */
  public String line() {
    StringBuilder line = new StringBuilder("fault.").append(scenario)
        .append(" attempts=").append(attempts)
        .append(" acked=").append(acked)
        .append(" lost=").append(lost)
        .append(" duplicated=").append(duplicated)
        .append(" false_failures=").append(falseFailures)
        .append(" max_wait_ms=").append(maxWaitMs);
    details.forEach((name, value) -> line.append(' ').append(name).append('=')
        .append(BLANKS.matcher(String.valueOf(value).strip()).replaceAll("_")));
    return line.toString();
  }

  @Override
  public String toString() {
    return line();
  }
}
