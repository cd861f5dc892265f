package dev.cairn.bench.internal;

import dev.cairn.core.InvalidInputException;
import dev.cairn.core.StoreUrl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The database a benchmark runs on: the URL given, or a fresh SQLite file in a new temporary directory that
 * {@link #close()} deletes with everything SQLite put next to it ({@code -wal}, {@code -shm}).
 */
public final class BenchTarget implements AutoCloseable {
  private final String url;
  private final Path temporaryDirectory;

  private BenchTarget(String url, Path temporaryDirectory) {
    this.url = url;
    this.temporaryDirectory = temporaryDirectory;
  }

  /**
   * The target for {@code dbUrl}; {@code null} creates a temporary SQLite file.
   *
   * @throws InvalidInputException for a malformed URL, and {@code BENCH_NEEDS_SHARED_DATABASE} for
   *     {@code sqlite::memory:}, which lives inside Cairn's connection where the JDBC side cannot reach it
   * @throws UncheckedIOException when the temporary directory cannot be created
   */
  public static BenchTarget resolve(String dbUrl) {
    if (dbUrl != null) {
      StoreUrl url = StoreUrl.parse(dbUrl);
      if (url.isSqliteMemory()) {
        throw new InvalidInputException("BENCH_NEEDS_SHARED_DATABASE", "the benchmark cannot run on " + url
            + ": an in-memory SQLite database is private to Cairn's connection; give a file (sqlite:bench.db) or"
            + " no URL for a temporary one");
      }
      return new BenchTarget(dbUrl, null);
    }
    try {
      Path directory = Files.createTempDirectory("cairn-bench-");
      return new BenchTarget("sqlite:" + directory.resolve("bench.db").toAbsolutePath(), directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory for the SQLite database", e);
    }
  }

  public String url() {
    return url;
  }

  /** Deletes the temporary directory, if this target made one; call after the database is closed. */
  @Override
  public void close() {
    if (temporaryDirectory == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(temporaryDirectory)) {
      List<Path> deepestFirst = walk.sorted(Comparator.reverseOrder()).toList();
      for (Path path : deepestFirst) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the temporary database directory " + temporaryDirectory, e);
    }
  }
}
