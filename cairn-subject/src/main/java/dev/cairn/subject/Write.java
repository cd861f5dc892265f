package dev.cairn.subject;

/**
 * How a write reaches storage, KRules' {@code use_cache} and {@code muted} flags as one value.
 *
 * <ul>
 *   <li>{@link #CACHED} (the default): the change stays in the subject's cache until {@link Subject#store()}.
 *   <li>{@link #DIRECT}: the change goes to storage at once and atomically; a function value is an atomic
 *       read-modify-write in the storage.
 * </ul>
 *
 * <p>{@link #mute()} gives the same mode without events. Immutable.
 *
 * @param direct write through to storage now
 * @param muted emit no event for this write
 */
public record Write(boolean direct, boolean muted) {
  /** Cached in the subject until {@link Subject#store()}; listeners are told. */
  public static final Write CACHED = new Write(false, false);
  /** Straight to storage, atomically; listeners are told. */
  public static final Write DIRECT = new Write(true, false);

  /** This mode without events. */
  public Write mute() {
    return new Write(direct, true);
  }
}
