package dev.cairn.vector.internal;

import dev.cairn.core.Result;
import dev.cairn.sql.Filter;
import dev.cairn.vector.CollectionSpec;
import dev.cairn.vector.Match;
import dev.cairn.vector.Search;
import dev.cairn.vector.VectorCollection;
import dev.cairn.vector.VectorItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** The public collection: validates every argument, then hands over to the backend's engine. */
final class CheckedCollection implements VectorCollection {
  private final CollectionEngine engine;
  private final BooleanSupplier closed;

  CheckedCollection(CollectionEngine engine, BooleanSupplier closed) {
    this.engine = engine;
    this.closed = closed;
  }

  @Override
  public CollectionSpec spec() {
    return engine.spec();
  }

  @Override
  public Result<Void> upsert(String id, float[] vector, Map<String, Object> metadata) {
    if (vector == null) {
      return Checks.vector(spec(), null);
    }
    return upsertAll(List.of(new VectorItem(id, vector, metadata))).map(written -> null);
  }

  @Override
  public Result<Integer> upsertAll(List<VectorItem> items) {
    if (closed.getAsBoolean()) {
      return Failures.closed();
    }
    List<VectorItem> checked = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      VectorItem item = items.get(i);
      Result<Integer> bad = Checks.id(item.id());
      bad = bad != null ? bad : Checks.vector(spec(), item.vector());
      if (bad != null) {
        return items.size() == 1 ? bad : atItem(bad, i);
      }
      Result<Map<String, Object>> metadata = Checks.metadata(item.metadata());
      if (metadata instanceof Result.Failure<Map<String, Object>> failure) {
        return items.size() == 1 ? failure.cast() : atItem(failure.cast(), i);
      }
      checked.add(new VectorItem(item.id(), item.vector(), metadata.orElseThrow()));
    }
    return checked.isEmpty() ? Result.ok(0) : engine.write(checked);
  }

  private static <T> Result<T> atItem(Result<T> bad, int index) {
    Result.Failure<T> failure = (Result.Failure<T>) bad;
    return Result.failure(failure.status(), failure.code(), "item " + index + ": " + failure.message()
        + " (nothing written)", Map.of("index", index));
  }

  @Override
  public Result<VectorItem> get(String id) {
    if (closed.getAsBoolean()) {
      return Failures.closed();
    }
    Result<VectorItem> bad = Checks.id(id);
    return bad != null ? bad : engine.get(id);
  }

  @Override
  public Result<Boolean> delete(String id) {
    if (closed.getAsBoolean()) {
      return Failures.closed();
    }
    Result<Boolean> bad = Checks.id(id);
    return bad != null ? bad : engine.delete(id);
  }

  @Override
  public Result<Integer> deleteWhere(Filter filter) {
    if (closed.getAsBoolean()) {
      return Failures.closed();
    }
    if (filter == null || filter.isEmpty()) {
      return Failures.invalid("EMPTY_FILTER",
          "deleteWhere needs a condition; pass Filter.all() to delete every vector");
    }
    Result<Integer> bad = Checks.filter(filter);
    return bad != null ? bad : engine.deleteWhere(filter);
  }

  @Override
  public Result<Long> count() {
    return closed.getAsBoolean() ? Failures.closed() : engine.count();
  }

  @Override
  public Result<List<Match>> search(Search search) {
    if (closed.getAsBoolean()) {
      return Failures.closed();
    }
    Result<List<Match>> bad = Checks.search(spec(), search);
    return bad != null ? bad : engine.search(search);
  }

  @Override
  public String toString() {
    return "VectorCollection[" + spec() + "]";
  }
}
