package dev.cairn.kv;

import java.util.List;
import java.util.Objects;

/**
 * One step of a cursor scan ({@link KeyValue#scan(String, String, int)}): the keys found in this step and the
 * cursor to pass to the next one. Immutable.
 *
 * @param keys the keys of this step (unmodifiable; may be empty while the scan is not finished)
 * @param cursor the cursor of the next step, or {@link #START} when the scan is finished
 */
public record ScanPage(List<String> keys, String cursor) {
  /** The cursor that starts a scan, and that a finished scan returns (Redis' {@code 0}). */
  public static final String START = "0";

  public ScanPage {
    keys = List.copyOf(keys);
    Objects.requireNonNull(cursor, "cursor");
  }

  /** Whether the scan is complete: the cursor came back to {@link #START}. */
  public boolean finished() {
    return START.equals(cursor);
  }
}
