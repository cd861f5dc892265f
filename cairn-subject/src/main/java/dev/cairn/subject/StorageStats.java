package dev.cairn.subject;

/**
 * Figures about a {@link SubjectStorage} since it was opened, counted on the client. Immutable.
 *
 * @param roundTrips request/reply exchanges with the server: one per pipelined MULTI/EXEC, one per plain command
 *     (connection set-up excluded); {@code 0} for the memory storage, {@code -1} where the storage does not count
 *     them
 */
public record StorageStats(long roundTrips) {
  /** What a storage that does not count reports. */
  public static final StorageStats NOT_COUNTED = new StorageStats(-1);
}
