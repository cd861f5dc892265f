package dev.cairn.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cairn kv keys [PATTERN]}: the keys matching a glob, found with SCAN (never KEYS, which blocks a shared
 * server) and bounded by {@code --limit}, so a store with millions of keys neither stalls nor floods the terminal.
 */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "List keys matching a glob pattern (SCAN, sorted, at most --limit); says when more exist.")
final class KvKeysCommand implements Callable<Integer> {
  private static final int MAX_LIMIT = 100_000;

  @Spec
  private CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "PATTERN",
      defaultValue = "*",
      description = "Glob: * ? [abc] [^a] [a-z], backslash escapes (default: ${DEFAULT-VALUE}).")
  private String pattern;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "100",
      description = "Show at most N keys, 1 to " + MAX_LIMIT + " (default: ${DEFAULT-VALUE}).")
  private int limit;

  @Mixin
  private KeyValueOption store;

  @Mixin
  private OutputFormat format;

  @Override
  public Integer call() {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw UsageErrors.invalidArgument(spec, "--limit must be between 1 and " + MAX_LIMIT + ", was " + limit, null);
    }
    try (KeyValueOption.OpenStore opened = store.open(spec)) {
      List<String> found;
      // One key past the limit tells whether the output is complete without scanning everything.
      try (Stream<String> keys = opened.view().scan(pattern)) {
        found = keys.limit(limit + 1L).toList();
      }
      boolean more = found.size() > limit;
      List<String> shown = found.stream().limit(limit).sorted().toList();
      print(Terminal.of(spec), shown, more);
      return ExitCodes.OK;
    }
  }

  private void print(Terminal terminal, List<String> keys, boolean more) {
    PrintStream out = terminal.out();
    if (format.json()) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("keys", keys);
      json.put("truncated", more);
      OutputFormat.printJson(out, json);
      return;
    }
    keys.forEach(key -> out.println(DisplayValue.text(key, 0)));
    if (more) {
      terminal.err().println("cairn: showing the first " + limit + " keys found; more match (raise --limit or "
          + "narrow the pattern)");
    }
  }
}
