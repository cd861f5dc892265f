package dev.cairn.vector;

import dev.cairn.sql.Filter;
import java.util.Objects;

/**
 * A nearest-neighbour query: the {@code k} vectors closest to {@code vector} among those matching {@code filter}.
 * The filter is applied inside the index search, so a filtered search returns {@code k} hits whenever {@code k}
 * vectors match. {@code efSearch} widens the HNSW candidate list (recall against speed; at least {@code k} is
 * used); {@code exact} compares against every matching vector (the ground truth, slow). Immutable.
 */
public record Search(float[] vector, int k, Filter filter, int efSearch, boolean exact) {
  public Search {
    Objects.requireNonNull(vector, "vector");
    vector = vector.clone();
    filter = filter == null ? Filter.all() : filter;
  }

  /** The {@code k} nearest to {@code vector}, no filter, default ef_search, approximate. */
  public static Search of(float[] vector, int k) {
    return new Search(vector, k, Filter.all(), IndexParams.DEFAULT_EF_SEARCH, false);
  }

  public Search filter(Filter where) {
    return new Search(vector, k, where, efSearch, exact);
  }

  public Search efSearch(int candidates) {
    return new Search(vector, k, filter, candidates, exact);
  }

  /** The same query by brute force. */
  public Search bruteForce() {
    return new Search(vector, k, filter, efSearch, true);
  }

  @Override
  public float[] vector() {
    return vector.clone();
  }

  /** The candidate list size actually used: at least {@code k}. */
  public int candidates() {
    return Math.max(k, efSearch);
  }
}
