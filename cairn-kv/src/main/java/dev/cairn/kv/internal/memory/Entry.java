package dev.cairn.kv.internal.memory;

/**
 * One key's value and expiry. The value is a {@code byte[]} (a string), a {@link HashValue} or an object a script
 * owns. Immutable apart from the hash it may hold, which is only touched inside the map's compute for its key.
 *
 * @param expiresAt epoch milliseconds of the store clock, or {@link #NO_EXPIRY}
 */
record Entry(Object value, long expiresAt) {
  static final long NO_EXPIRY = Long.MAX_VALUE;

  boolean expired(long now) {
    return expiresAt <= now;
  }

  Entry withExpiry(long newExpiresAt) {
    return new Entry(value, newExpiresAt);
  }
}
