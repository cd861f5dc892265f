package dev.cairn.cli;

import dev.cairn.kv.ScanPage;
import dev.cairn.server.http.AdminConfig;
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

/**
 * {@code cairn kv keys [PATTERN]}: one page of the keys matching a glob, found with the store's SCAN cursor (never
 * KEYS, which blocks a shared server), so a store with millions of keys neither stalls nor floods the terminal.
 *
 * <p>Paging with the names of {@code GET /api/v1/kv/keys}: {@code --limit} keys a page
 * ({@value AdminConfig#DEFAULT_PAGE_SIZE} by default, at most {@value AdminConfig#DEFAULT_MAX_PAGE_SIZE}; on Redis a
 * scan step may add a few more), in the store's order, sorted within a page. Unlike the HTTP API, which bounds a
 * page's scan steps and may answer a short page, the command scans on until the page is full or the scan is done:
 * a person waits for one answer. {@code next} (JSON) or the hint on standard error (text, so piped keys stay clean)
 * gives the cursor of the following page, passed back with {@code --cursor}; there is no more when it is null.
 */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "List one page of the keys matching a glob pattern (SCAN); --cursor continues.")
final class KvKeysCommand implements Callable<Integer> {
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
      defaultValue = "" + AdminConfig.DEFAULT_PAGE_SIZE,
      description = "Keys per page, 1 to " + AdminConfig.DEFAULT_MAX_PAGE_SIZE + " (default: ${DEFAULT-VALUE}).")
  private int limit;

  @Option(
      names = "--cursor",
      paramLabel = "C",
      description = "Continue a listing: the next cursor of the previous page (same PATTERN and --prefix).")
  private String cursor;

  @Mixin
  private KeyValueOption store;

  @Mixin
  private OutputFormat format;

  @Override
  public Integer call() {
    if (limit < 1 || limit > AdminConfig.DEFAULT_MAX_PAGE_SIZE) {
      throw UsageErrors.invalidArgument(spec,
          "--limit must be between 1 and " + AdminConfig.DEFAULT_MAX_PAGE_SIZE + ", was " + limit, null);
    }
    try (KeyValueOption.OpenStore opened = store.open(spec)) {
      List<String> found = new ArrayList<>();
      ScanPage step = new ScanPage(List.of(), cursor == null || cursor.isEmpty() ? ScanPage.START : cursor);
      do {
        step = opened.view().scan(pattern, step.cursor(), limit - found.size());
        found.addAll(step.keys());
      } while (!step.finished() && found.size() < limit);
      print(Terminal.of(spec), found.stream().sorted().toList(), step.finished() ? null : step.cursor());
      return ExitCodes.OK;
    }
  }

  private void print(Terminal terminal, List<String> keys, String next) {
    PrintStream out = terminal.out();
    if (format.json()) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("keys", keys);
      json.put("next", next);
      OutputFormat.printJson(out, json);
      return;
    }
    keys.forEach(key -> out.println(DisplayValue.text(key, 0)));
    if (next != null) {
      terminal.err().println("cairn: more keys may match: add --cursor " + next + " for the next page");
    }
  }
}
