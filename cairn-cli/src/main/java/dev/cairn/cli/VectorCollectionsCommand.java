package dev.cairn.cli;

import dev.cairn.vector.CollectionInfo;
import dev.cairn.vector.VectorStore;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cairn vector collections}: lists collections; {@code --create NAME --dimension N} creates one first. */
@Command(name = "collections", mixinStandardHelpOptions = true,
    description = "List vector collections (name, dimension, metric, count); --create adds one.")
final class VectorCollectionsCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = "--create", paramLabel = "NAME", description = "Create this collection first.")
  private String create;

  @Option(names = "--dimension", paramLabel = "N", description = "Dimension of the collection to create.")
  private int dimension;

  @Option(names = "--metric", paramLabel = "METRIC", defaultValue = "cosine",
      description = "cosine, l2 or inner_product (default: ${DEFAULT-VALUE}).")
  private String metric;

  @Mixin
  private VectorStoreOption vectors;

  @Mixin
  private OutputFormat format;

  @Override
  public Integer call() {
    try (VectorStore store = vectors.open()) {
      if (create != null) {
        store.create(dev.cairn.vector.CollectionSpec.of(create, dimension,
            dev.cairn.vector.Metric.parse(metric).orElseThrow())).orElseThrow();
      }
      List<CollectionInfo> collections = store.collections().orElseThrow();
      PrintStream out = Terminal.of(spec).out();
      if (format.json()) {
        List<Map<String, Object>> json = new ArrayList<>();
        for (CollectionInfo info : collections) {
          Map<String, Object> entry = new LinkedHashMap<>();
          entry.put("name", info.spec().name());
          entry.put("dimension", info.spec().dimension());
          entry.put("metric", info.spec().metric().wireName());
          entry.put("count", info.count());
          json.add(entry);
        }
        OutputFormat.printJson(out, Map.of("collections", json));
        return ExitCodes.OK;
      }
      TablePrinter table = new TablePrinter(List.of("name", "dimension", "metric", "count"));
      collections.forEach(info -> table.add(List.of(info.spec().name(), String.valueOf(info.spec().dimension()),
          info.spec().metric().wireName(), String.valueOf(info.count()))));
      table.print(out);
      return ExitCodes.OK;
    }
  }
}
