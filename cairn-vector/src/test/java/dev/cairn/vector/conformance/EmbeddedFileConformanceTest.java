package dev.cairn.vector.conformance;

import dev.cairn.vector.VectorStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedFileConformanceTest extends VectorStoreConformance {
  @TempDir
  static Path directory;

  @Override
  protected VectorStore open(String place) {
    return VectorStore.open("vector:" + directory.resolve(place));
  }

  @Override
  protected boolean persistent() {
    return true;
  }
}
