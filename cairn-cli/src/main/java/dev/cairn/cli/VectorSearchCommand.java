package dev.cairn.cli;

import dev.cairn.sql.Filter;
import dev.cairn.vector.Match;
import dev.cairn.vector.Search;
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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn vector search COLLECTION VECTOR [-k N] [--where JSON] [--exact]}. */
@Command(name = "search", mixinStandardHelpOptions = true,
    description = "The K nearest vectors to VECTOR (a JSON array), best first; score is a similarity.")
final class VectorSearchCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "COLLECTION")
  private String collection;

  @Parameters(index = "1", paramLabel = "VECTOR", description = "JSON array, e.g. [0.1,0.2,0.3].")
  private String vector;

  @Option(names = {"-k", "--k"}, paramLabel = "N", defaultValue = "10", description = "Matches (default: 10).")
  private int k;

  @Option(names = "--where", paramLabel = "JSON",
      description = "Metadata equalities as a JSON object, e.g. {\"lang\":\"en\"}.")
  private String where;

  @Option(names = "--ef-search", paramLabel = "N", defaultValue = "100",
      description = "HNSW candidate list size (default: ${DEFAULT-VALUE}).")
  private int efSearch;

  @Option(names = "--exact", description = "Compare against every vector (slow, exact).")
  private boolean exact;

  @Mixin
  private VectorStoreOption vectors;

  @Mixin
  private OutputFormat format;

  @Override
  public Integer call() {
    List<Filter> conditions = new ArrayList<>();
    VectorJson.object(where, "--where").forEach((key, value) -> conditions.add(Filter.eq(key, value)));
    Search search = Search.of(VectorJson.vector(vector), k).efSearch(efSearch)
        .filter(Filter.and(conditions.toArray(Filter[]::new)));
    try (VectorStore store = vectors.open()) {
      List<Match> matches = store.collection(collection).orElseThrow()
          .search(exact ? search.bruteForce() : search).orElseThrow();
      PrintStream out = Terminal.of(spec).out();
      if (format.json()) {
        List<Map<String, Object>> json = new ArrayList<>();
        for (Match match : matches) {
          Map<String, Object> entry = new LinkedHashMap<>();
          entry.put("id", match.id());
          entry.put("score", match.score());
          entry.put("metadata", match.metadata());
          json.add(entry);
        }
        OutputFormat.printJson(out, Map.of("matches", json));
        return ExitCodes.OK;
      }
      TablePrinter table = new TablePrinter(List.of("id", "score", "metadata"));
      matches.forEach(match -> table.add(List.of(match.id(), String.format(java.util.Locale.ROOT, "%.6f",
          match.score()), dev.cairn.core.Json.write(match.metadata()))));
      table.print(out);
      return ExitCodes.OK;
    }
  }
}
