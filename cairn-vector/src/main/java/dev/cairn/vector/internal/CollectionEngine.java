package dev.cairn.vector.internal;

import dev.cairn.core.Result;
import dev.cairn.sql.Filter;
import dev.cairn.vector.CollectionSpec;
import dev.cairn.vector.Match;
import dev.cairn.vector.Search;
import dev.cairn.vector.VectorItem;
import java.util.List;

/**
 * The backend SPI for one collection. {@link CheckedCollection} validates every argument first, so engines see
 * only well-formed ids, vectors of the collection's dimension, normalized metadata and filters over supported
 * value types. Implementations are thread-safe.
 */
public interface CollectionEngine {
  CollectionSpec spec();

  /** Writes every item durably (replacing ids), or nothing on a validation-free failure where it can. */
  Result<Integer> write(List<VectorItem> items);

  Result<VectorItem> get(String id);

  Result<Boolean> delete(String id);

  /** {@code filter} is non-empty; {@link Filter.All} means every item. */
  Result<Integer> deleteWhere(Filter filter);

  Result<Long> count();

  Result<List<Match>> search(Search search);
}
