package dev.cairn.vector;

import dev.cairn.core.Result;
import dev.cairn.sql.Filter;
import java.util.List;
import java.util.Map;

/**
 * One collection of vectors of a fixed dimension, searched by one metric. Thread-safe: share one instance.
 *
 * <p>Every write is validated before anything is stored: a vector of the wrong length is INVALID
 * {@code WRONG_DIMENSION}, a NaN or infinite component INVALID {@code NON_FINITE_COMPONENT}, a zero vector in a
 * cosine collection INVALID {@code ZERO_VECTOR}, a blank or over-long id INVALID {@code INVALID_ID}, metadata that
 * is not strings, numbers and booleans INVALID {@code INVALID_METADATA}. A batch with one bad item writes nothing.
 * A collection dropped meanwhile answers NOT_FOUND {@code COLLECTION_NOT_FOUND}; a server that cannot be reached
 * UNAVAILABLE.
 *
 * <p>Durability: an {@code Ok} from a write means the write is durable (committed to disk on the embedded file
 * backend, committed by the server on PostgreSQL) and visible to every later read.
 *
 * <p>Filters use the vocabulary of tables ({@link Filter#eq}, {@link Filter#in}, ranges, {@code like},
 * {@code isNull}, {@code and}/{@code or}/{@code not}) over metadata keys. A range compares numbers with numbers
 * and strings with strings; a value of another type never matches. Filter values are always bound, never spliced.
 */
public interface VectorCollection {

  CollectionSpec spec();

  default String name() {
    return spec().name();
  }

  /** Stores {@code vector} under {@code id}, replacing what the id held (vector and metadata). */
  Result<Void> upsert(String id, float[] vector, Map<String, Object> metadata);

  /**
   * Stores every item, replacing existing ids; all or nothing on validation, and one durable commit for the batch.
   *
   * @return how many items were written
   */
  Result<Integer> upsertAll(List<VectorItem> items);

  /** The item stored under {@code id}, or NOT_FOUND {@code VECTOR_NOT_FOUND}. */
  Result<VectorItem> get(String id);

  /** Deletes {@code id}; {@code true} if it existed. */
  Result<Boolean> delete(String id);

  /**
   * Deletes every item matching {@code filter}; the empty filter is refused (INVALID {@code EMPTY_FILTER}): pass
   * {@link Filter#all()} to delete everything.
   *
   * @return how many items were deleted
   */
  Result<Integer> deleteWhere(Filter filter);

  Result<Long> count();

  /** The nearest matches, best first; see {@link Search}. A bad k (< 1 or > 10,000) is INVALID {@code INVALID_K}. */
  Result<List<Match>> search(Search search);

  /** {@code search(Search.of(vector, k).filter(filter))}. */
  default Result<List<Match>> search(float[] vector, int k, Filter filter) {
    return search(Search.of(vector, k).filter(filter));
  }
}
