package dev.cairn.bench.internal;

import java.time.Instant;

/**
 * Row {@code index} of the workload, identical for both sides so their results can be cross-checked.
 *
 * @param name user name
 * @param email unique e-mail
 * @param age one of {@link #AGE_COUNT} ages starting at {@link #MIN_AGE}
 * @param createdAt a distinct instant per row, whole seconds so every dialect stores it exactly
 */
public record UserData(String name, String email, int age, Instant createdAt) {
  public static final int MIN_AGE = 18;
  public static final int AGE_COUNT = 60;
  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  /** Deterministic row {@code index} (0-based). */
  public static UserData of(int index) {
    return new UserData(
        "user " + index,
        "user" + index + "@bench.cairn.dev",
        MIN_AGE + index % AGE_COUNT,
        // Spread over the year but interleaved with age, so the created_at order differs from insertion order.
        EPOCH.plusSeconds(index * 7919L % 31_536_000L));
  }
}
