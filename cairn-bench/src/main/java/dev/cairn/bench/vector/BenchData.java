package dev.cairn.bench.vector;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The data set of the vector benchmark, the same for every side: vectors around 50 centres (fixed seed), query
 * vectors near random centres, and the exact cosine top-10 of each query (unfiltered and within the filter's
 * clusters), computed here by brute force so every side is scored against one ground truth.
 */
final class BenchData {
  static final int CLUSTERS = 50;
  static final int K = 10;
  /** The filter of search_filtered: 5 of the 50 clusters, about 10% of the vectors. */
  static final List<Long> FILTER_CLUSTERS = List.of(3L, 14L, 25L, 36L, 47L);

  final float[][] vectors;
  final int[] clusters;
  final float[][] queries;
  final List<int[]> truth;
  final List<int[]> filteredTruth;

  BenchData(VectorBenchOptions options) {
    SplittableRandom random = new SplittableRandom(20261201L);
    float[][] centres = new float[CLUSTERS][];
    for (int c = 0; c < CLUSTERS; c++) {
      centres[c] = near(new float[options.dimension()], random, 1.0);
    }
    vectors = new float[options.count()][];
    clusters = new int[options.count()];
    for (int i = 0; i < vectors.length; i++) {
      clusters[i] = random.nextInt(CLUSTERS);
      vectors[i] = near(centres[clusters[i]], random, 0.35);
    }
    queries = new float[options.queries()][];
    for (int q = 0; q < queries.length; q++) {
      queries[q] = near(centres[random.nextInt(CLUSTERS)], random, 0.5);
    }
    truth = IntStream.range(0, queries.length).parallel().mapToObj(q -> exact(queries[q], false)).toList();
    filteredTruth = IntStream.range(0, queries.length).parallel().mapToObj(q -> exact(queries[q], true)).toList();
  }

  boolean inFilter(int index) {
    return FILTER_CLUSTERS.contains((long) clusters[index]);
  }

  private int[] exact(float[] query, boolean filtered) {
    PriorityQueue<double[]> best = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
    for (int i = 0; i < vectors.length; i++) {
      if (filtered && !inFilter(i)) {
        continue;
      }
      best.add(new double[] {cosine(query, vectors[i]), i});
      if (best.size() > K) {
        best.poll();
      }
    }
    List<Integer> ids = new ArrayList<>();
    while (!best.isEmpty()) {
      ids.add((int) best.poll()[1]);
    }
    return ids.stream().mapToInt(Integer::intValue).toArray();
  }

  static double cosine(float[] a, float[] b) {
    double dot = 0;
    double aa = 0;
    double bb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      aa += a[i] * a[i];
      bb += b[i] * b[i];
    }
    return dot / Math.sqrt(aa * bb);
  }

  private static float[] near(float[] centre, SplittableRandom random, double spread) {
    float[] point = new float[centre.length];
    for (int d = 0; d < centre.length; d++) {
      double u = 1.0 - random.nextDouble();
      double gaussian = Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * random.nextDouble());
      point[d] = (float) (centre[d] + spread * gaussian);
    }
    return point;
  }
}
