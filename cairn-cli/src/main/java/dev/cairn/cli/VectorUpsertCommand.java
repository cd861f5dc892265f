package dev.cairn.cli;

import dev.cairn.vector.VectorStore;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn vector upsert COLLECTION ID VECTOR [--metadata JSON]}. */
@Command(name = "upsert", mixinStandardHelpOptions = true,
    description = "Store VECTOR (a JSON array) under ID, replacing what ID held.")
final class VectorUpsertCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "COLLECTION")
  private String collection;

  @Parameters(index = "1", paramLabel = "ID")
  private String id;

  @Parameters(index = "2", paramLabel = "VECTOR", description = "JSON array, e.g. [0.1,0.2,0.3].")
  private String vector;

  @Option(names = "--metadata", paramLabel = "JSON", description = "JSON object of strings, numbers, booleans.")
  private String metadata;

  @Mixin
  private VectorStoreOption vectors;

  @Mixin
  private OutputFormat format;

  @Override
  public Integer call() {
    try (VectorStore store = vectors.open()) {
      store.collection(collection).orElseThrow()
          .upsert(id, VectorJson.vector(vector), VectorJson.object(metadata, "--metadata")).orElseThrow();
      if (format.json()) {
        OutputFormat.printJson(Terminal.of(spec).out(), Map.of("success", true, "id", id));
      } else {
        Terminal.of(spec).out().println("upserted " + id);
      }
      return ExitCodes.OK;
    }
  }
}
