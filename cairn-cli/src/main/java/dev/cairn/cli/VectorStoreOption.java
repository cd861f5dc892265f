package dev.cairn.cli;

import dev.cairn.core.StoreEnvironment;
import dev.cairn.vector.VectorStore;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code --vectors URL} option of the {@code vector} commands and how they open the store. */
final class VectorStoreOption {
  @Option(names = "--vectors", paramLabel = "URL",
      description = "Vector store: vector:DIR, postgresql://... with pgvector (default: CAIRN_VECTOR_URL, else "
          + "vector:<data dir>/vectors, the store cairn serve uses).")
  private String url;

  VectorStore open() {
    return VectorStore.open(url(System.getenv()));
  }

  String url(Map<String, String> environment) {
    if (url != null) {
      return url;
    }
    String configured = environment.get("CAIRN_VECTOR_URL");
    return configured != null && !configured.isBlank() ? configured
        : "vector:" + StoreEnvironment.of(environment).dataDir().resolve("vectors");
  }
}
