package dev.cairn.vector.internal;

import dev.cairn.core.Result;
import dev.cairn.vector.CollectionInfo;
import dev.cairn.vector.CollectionSpec;
import dev.cairn.vector.VectorCollection;
import dev.cairn.vector.VectorStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** The public store: validates names and specs, then hands over to the backend's engine. */
final class CheckedStore implements VectorStore {
  private final StoreEngine engine;
  private final AtomicBoolean closed = new AtomicBoolean();

  CheckedStore(StoreEngine engine) {
    this.engine = engine;
  }

  @Override
  public Result<VectorCollection> create(CollectionSpec spec) {
    if (closed.get()) {
      return Failures.closed();
    }
    Result<VectorCollection> bad = Checks.spec(spec, engine.maxDimension());
    return bad != null ? bad : engine.create(spec).map(this::wrap);
  }

  @Override
  public Result<VectorCollection> collection(String name) {
    if (closed.get()) {
      return Failures.closed();
    }
    return Names.validCollection(name) ? engine.find(name).map(this::wrap) : Failures.collectionNotFound(name);
  }

  private VectorCollection wrap(CollectionEngine collection) {
    return new CheckedCollection(collection, closed::get);
  }

  @Override
  public Result<List<CollectionInfo>> collections() {
    if (closed.get()) {
      return Failures.closed();
    }
    return engine.list().flatMap(specs -> {
      List<CollectionInfo> infos = new ArrayList<>();
      for (CollectionSpec spec : specs) {
        // A collection dropped between list and count is left out rather than failing the whole listing.
        Result<Long> count = engine.find(spec.name()).flatMap(CollectionEngine::count);
        if (count instanceof Result.Ok<Long>(Long value)) {
          infos.add(new CollectionInfo(spec, value));
        } else if (count.status() != dev.cairn.core.Status.NOT_FOUND) {
          return ((Result.Failure<Long>) count).cast();
        }
      }
      return Result.ok(List.copyOf(infos));
    });
  }

  @Override
  public Result<Boolean> drop(String name) {
    if (closed.get()) {
      return Failures.closed();
    }
    return Names.validCollection(name) ? engine.drop(name) : Result.ok(false);
  }

  @Override
  public String backend() {
    return engine.name();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      engine.close();
    }
  }
}
