package dev.cairn.vector.conformance;

import dev.cairn.vector.VectorItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A fixed data set: vectors drawn around cluster centres with a fixed seed, so every run and every backend sees
 * the same points. Item {@code i} has id {@code v<i>} and metadata {@code cluster} (its centre, 0..clusters-1)
 * and {@code rank} ({@code i}).
 */
final class ClusteredVectors {
  private final float[][] centres;
  private final List<VectorItem> items;

  ClusteredVectors(int count, int dimension, int clusters, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    centres = new float[clusters][dimension];
    for (float[] centre : centres) {
      for (int d = 0; d < dimension; d++) {
        centre[d] = (float) gaussian(random);
      }
    }
    items = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int cluster = random.nextInt(clusters);
      items.add(new VectorItem("v" + i, near(centres[cluster], random, 0.35),
          Map.of("cluster", (long) cluster, "rank", (long) i)));
    }
  }

  List<VectorItem> items() {
    return items;
  }

  /** {@code count} query vectors near random centres, from their own seed. */
  List<float[]> queries(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<float[]> queries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      queries.add(near(centres[random.nextInt(centres.length)], random, 0.5));
    }
    return queries;
  }

  private static float[] near(float[] centre, SplittableRandom random, double spread) {
    float[] point = new float[centre.length];
    for (int d = 0; d < centre.length; d++) {
      point[d] = (float) (centre[d] + spread * gaussian(random));
    }
    return point;
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller: SplittableRandom has no nextGaussian before Java 17's RandomGenerator default, kept explicit.
    double u = 1.0 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
  }
}
