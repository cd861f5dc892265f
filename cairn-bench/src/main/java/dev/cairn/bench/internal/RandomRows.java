package dev.cairn.bench.internal;

import java.util.SplittableRandom;

/**
 * Row positions drawn from a fixed seed, for the phases that touch random existing rows. Positions, not ids: each
 * side maps them to its own ids, so Cairn and JDBC touch the same rows in the same order.
 */
final class RandomRows {
  private RandomRows() {}

  static int[] positions(long seed, int count, int rows) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] positions = new int[count];
    for (int i = 0; i < count; i++) {
      positions[i] = random.nextInt(rows);
    }
    return positions;
  }
}
