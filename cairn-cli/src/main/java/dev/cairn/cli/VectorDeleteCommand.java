package dev.cairn.cli;

import dev.cairn.core.NotFoundException;
import dev.cairn.vector.VectorStore;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn vector delete COLLECTION ID}. */
@Command(name = "delete", mixinStandardHelpOptions = true,
    description = "Delete the vector ID (exit code 1 and VECTOR_NOT_FOUND when there is none).")
final class VectorDeleteCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "COLLECTION")
  private String collection;

  @Parameters(index = "1", paramLabel = "ID")
  private String id;

  @Mixin
  private VectorStoreOption vectors;

  @Mixin
  private OutputFormat format;

  @Override
  public Integer call() {
    try (VectorStore store = vectors.open()) {
      if (!store.collection(collection).orElseThrow().delete(id).orElseThrow()) {
        throw new NotFoundException("VECTOR_NOT_FOUND", "no vector '" + DisplayValue.text(id, 200) + "' in '"
            + collection + "'", Map.of(), null);
      }
      if (format.json()) {
        OutputFormat.printJson(Terminal.of(spec).out(), Map.of("success", true, "deleted", true));
      } else {
        Terminal.of(spec).out().println("deleted " + id);
      }
      return ExitCodes.OK;
    }
  }
}
