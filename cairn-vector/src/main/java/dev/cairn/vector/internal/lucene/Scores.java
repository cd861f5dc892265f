package dev.cairn.vector.internal.lucene;

import dev.cairn.vector.Metric;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * Lucene's similarity per metric, and the inverse of the score scaling Lucene applies (scores must be
 * non-negative there), so matches carry the metric's own similarity: cosine, negated distance, dot product.
 */
final class Scores {
  private Scores() {}

  static VectorSimilarityFunction similarity(Metric metric) {
    return switch (metric) {
      case COSINE -> VectorSimilarityFunction.COSINE;
      case L2 -> VectorSimilarityFunction.EUCLIDEAN;
      case INNER_PRODUCT -> VectorSimilarityFunction.MAXIMUM_INNER_PRODUCT;
    };
  }

  static double fromLucene(Metric metric, float score) {
    return switch (metric) {
      // COSINE: (1 + cos) / 2
      case COSINE -> 2.0 * score - 1.0;
      // EUCLIDEAN: 1 / (1 + d^2)
      case L2 -> -Math.sqrt(Math.max(0.0, 1.0 / score - 1.0));
      // MAXIMUM_INNER_PRODUCT: dot < 0 ? 1 / (1 - dot) : dot + 1
      case INNER_PRODUCT -> score < 1.0f ? 1.0 - 1.0 / score : score - 1.0;
    };
  }
}
