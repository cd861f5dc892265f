package dev.cairn.cli;

import dev.cairn.core.InvalidInputException;
import dev.cairn.core.StoreEnvironment;
import dev.cairn.core.StoreUrl;
import dev.cairn.vector.VectorStore;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The {@code --vectors URL} option of the {@code vector} commands and how they open the store. */
final class VectorStoreOption {
  @Option(names = "--vectors", paramLabel = "URL",
      description = "Vector store: vector:DIR, postgresql://... with pgvector (default: CAIRN_VECTOR_URL, else "
          + "vector:<data dir>/vectors, the store cairn serve uses).")
  private String url;

  @Mixin
  private ConnectTimeoutOption connectTimeout;

  /** Opens the store; a server URL is first checked to answer within {@code --connect-timeout}. */
  VectorStore open() {
    String text = url(System.getenv());
    if (isPostgres(text)) {
      connectTimeout.probe(text);
    }
    return VectorStore.open(text);
  }

  // Anything else is refused by VectorStore.open with its own words.
  private static boolean isPostgres(String text) {
    if (text.startsWith("vector:")) {
      return false;
    }
    try {
      return StoreUrl.parse(text).kind() == StoreUrl.Kind.POSTGRESQL;
    } catch (InvalidInputException e) {
      return false;
    }
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
