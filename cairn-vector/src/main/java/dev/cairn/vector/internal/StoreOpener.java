package dev.cairn.vector.internal;

import dev.cairn.core.InvalidInputException;
import dev.cairn.core.StoreUrl;
import dev.cairn.sql.Database;
import dev.cairn.vector.VectorStore;
import dev.cairn.vector.internal.lucene.LuceneStore;
import dev.cairn.vector.internal.pg.PgVectorStore;
import java.nio.file.Path;

/** Turns a URL (or an open SQL database) into a store on the matching backend. */
public final class StoreOpener {
  private static final String SCHEME = "vector:";
  private static final String MEMORY = ":memory:";

  private StoreOpener() {}

  public static VectorStore open(String url) {
    if (url == null || url.isBlank()) {
      throw new InvalidInputException("INVALID_URL", "no vector store URL given; use vector:data/vectors");
    }
    if (url.startsWith(SCHEME)) {
      String path = url.substring(SCHEME.length());
      if (path.isBlank()) {
        throw new InvalidInputException("INVALID_URL", "vector store URL '" + Names.shown(url)
            + "' names no directory; use vector:data/vectors or vector::memory:");
      }
      return new CheckedStore(path.equals(MEMORY) ? LuceneStore.inMemory() : LuceneStore.inDirectory(Path.of(path)));
    }
    return onServer(StoreUrl.parse(url));
  }

  public static VectorStore on(Database database) {
    return onServer(database.url());
  }

  private static VectorStore onServer(StoreUrl url) {
    if (url.kind() == StoreUrl.Kind.POSTGRESQL) {
      return new CheckedStore(PgVectorStore.open(url));
    }
    throw new InvalidInputException("VECTOR_UNSUPPORTED", url.kind().name().toLowerCase(java.util.Locale.ROOT)
        + " has no vector type here; vectors are served by the embedded store (vector:data/vectors) or by"
        + " PostgreSQL with pgvector (postgresql://...)");
  }
}
