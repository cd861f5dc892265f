package dev.cairn.vector.internal.lucene;

import dev.cairn.core.Result;
import dev.cairn.core.UnavailableException;
import dev.cairn.vector.CollectionSpec;
import dev.cairn.vector.internal.CollectionEngine;
import dev.cairn.vector.internal.Failures;
import dev.cairn.vector.internal.Names;
import dev.cairn.vector.internal.StoreEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The embedded store: one Lucene index per collection, in {@code <root>/<name>/} (with {@link SpecFile}) or on
 * the heap. Every collection's writer is opened with the store (Lucene's {@code write.lock} keeps a second
 * process out of the same directory). Creating and dropping are serialized; everything else runs concurrently.
 */
public final class LuceneStore implements StoreEngine {
  /** Lucene's HNSW format limit. */
  private static final int MAX_DIMENSION = 1024;

  private final Path root;
  private final Map<String, LuceneCollection> collections = new ConcurrentHashMap<>();
  private final ReentrantLock catalog = new ReentrantLock();

  private LuceneStore(Path root) {
    this.root = root;
  }

  public static LuceneStore inMemory() {
    return new LuceneStore(null);
  }

  /** Opens (creating it if needed) the store in {@code root}. */
  public static LuceneStore inDirectory(Path root) {
    LuceneStore store = new LuceneStore(root);
    try {
      Files.createDirectories(root);
      try (Stream<Path> children = Files.list(root)) {
        for (Path child : children.sorted().toList()) {
          if (Files.isRegularFile(child.resolve(SpecFile.NAME)) && Names.validCollection(child.getFileName().toString())) {
            CollectionSpec spec = SpecFile.read(child);
            store.collections.put(spec.name(), IndexOpener.open(spec, FSDirectory.open(child), true));
          }
        }
      }
      return store;
    } catch (IOException | UncheckedIOException | dev.cairn.core.CairnException e) {
      store.close();
      throw new UnavailableException("VECTOR_STORE_UNAVAILABLE", "cannot open the vector store in '" + root
          + "': " + e.getMessage(), e);
    }
  }

  @Override
  public String name() {
    return "lucene";
  }

  @Override
  public int maxDimension() {
    return MAX_DIMENSION;
  }

  @Override
  public Result<CollectionEngine> create(CollectionSpec spec) {
    catalog.lock();
    try {
      if (collections.containsKey(spec.name())) {
        return Failures.collectionExists(spec.name());
      }
      LuceneCollection collection;
      if (root == null) {
        collection = IndexOpener.open(spec, new ByteBuffersDirectory(), false);
      } else {
        Path directory = root.resolve(spec.name());
        deleteTree(directory); // leftovers of a drop interrupted by a crash
        Directory index = FSDirectory.open(directory);
        collection = IndexOpener.open(spec, index, true);
        SpecFile.write(directory, spec);
      }
      collections.put(spec.name(), collection);
      return Result.ok(collection);
    } catch (IOException e) {
      return Failures.backend("creating vector collection '" + spec.name() + "'", e);
    } finally {
      catalog.unlock();
    }
  }

  @Override
  public Result<CollectionEngine> find(String name) {
    LuceneCollection collection = collections.get(name);
    return collection == null ? Failures.collectionNotFound(name) : Result.ok(collection);
  }

  @Override
  public Result<List<CollectionSpec>> list() {
    List<CollectionSpec> specs = new ArrayList<>();
    collections.values().forEach(collection -> specs.add(collection.spec()));
    specs.sort(Comparator.comparing(CollectionSpec::name));
    return Result.ok(specs);
  }

  @Override
  public Result<Boolean> drop(String name) {
    catalog.lock();
    try {
      LuceneCollection collection = collections.remove(name);
      if (collection == null) {
        return Result.ok(false);
      }
      collection.close(true);
      if (root != null) {
        // The spec file goes first: a crash halfway leaves a directory that is no collection.
        Files.deleteIfExists(root.resolve(name).resolve(SpecFile.NAME));
        deleteTree(root.resolve(name));
      }
      return Result.ok(true);
    } catch (IOException e) {
      return Failures.backend("dropping vector collection '" + name + "'", e);
    } finally {
      catalog.unlock();
    }
  }

  private static void deleteTree(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  @Override
  public void close() {
    catalog.lock();
    try {
      IOException first = null;
      for (LuceneCollection collection : collections.values()) {
        try {
          collection.close(false);
        } catch (IOException e) {
          first = first == null ? e : first;
        }
      }
      collections.clear();
      if (first != null) {
        throw new UnavailableException("VECTOR_STORE_UNAVAILABLE", "closing the vector store failed: "
            + first.getMessage(), first);
      }
    } finally {
      catalog.unlock();
    }
  }
}
