package dev.cairn.vector.internal;

import dev.cairn.core.Result;
import dev.cairn.vector.CollectionSpec;
import java.util.List;

/** The backend SPI for a store: the collections catalog. Specs arrive validated. Thread-safe. */
public interface StoreEngine extends AutoCloseable {
  /** {@code lucene} or {@code pgvector}. */
  String name();

  /** The largest dimension the engine indexes. */
  int maxDimension();

  /** DUPLICATE {@code COLLECTION_EXISTS} when the name is taken. */
  Result<CollectionEngine> create(CollectionSpec spec);

  /** NOT_FOUND {@code COLLECTION_NOT_FOUND} when there is none. */
  Result<CollectionEngine> find(String name);

  Result<List<CollectionSpec>> list();

  Result<Boolean> drop(String name);

  @Override
  void close();
}
