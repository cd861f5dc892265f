package dev.cairn.sql;

import java.util.Objects;

/**
 * An opaque keyset position: where the next page of a sorted query starts. Obtained from {@link Page#next()} and
 * passed to {@link Query#after(Cursor)}; its token can travel through a URL. A token that was tampered with or
 * belongs to another sort order is refused with INVALID {@code INVALID_CURSOR}.
 */
public record Cursor(String token) {
  public Cursor {
    Objects.requireNonNull(token, "token");
  }

  public static Cursor of(String token) {
    return new Cursor(token);
  }

  @Override
  public String toString() {
    return token;
  }
}
