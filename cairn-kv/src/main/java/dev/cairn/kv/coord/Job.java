package dev.cairn.kv.coord;

import java.util.Objects;

/**
 * A message taken from a {@link WorkQueue}, to be {@link WorkQueue#ack acknowledged} when its work is done.
 * Immutable.
 *
 * @param id the stream entry id, e.g. {@code 1700000000000-0}; increases in push order
 * @param payload the text pushed
 * @param deliveries how many times it has been handed out, this time included (more than 1 after a reclaim)
 */
public record Job(String id, String payload, long deliveries) {

  public Job {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(payload, "payload");
  }
}
