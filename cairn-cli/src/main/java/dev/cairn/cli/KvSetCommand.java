package dev.cairn.cli;

import dev.cairn.kv.KeyValue;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cairn kv set KEY VALUE [--ttl 30s]}: stores text, replacing any value and expiry at the key. */
@Command(
    name = "set",
    mixinStandardHelpOptions = true,
    description = "Store VALUE (text) at KEY, replacing any value; without --ttl it does not expire.")
final class KvSetCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "KEY", description = "The key.")
  private String key;

  @Parameters(index = "1", paramLabel = "VALUE", description = "The value, stored as UTF-8 text.")
  private String value;

  @Option(
      names = "--ttl",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Expire after this long: 500ms, 30s, 5m, 2h, 1d or ISO-8601 (PT1M30S).")
  private Duration ttl;

  @Mixin
  private KeyValueOption store;

  @Mixin
  private OutputFormat format;

  @Override
  public Integer call() {
    try (KeyValueOption.OpenStore opened = store.open(spec)) {
      KeyValue view = opened.view();
      if (ttl == null) {
        view.set(key, value);
      } else {
        view.set(key, value, ttl);
      }
      print(Terminal.of(spec).out());
      return ExitCodes.OK;
    }
  }

  private void print(PrintStream out) {
    if (format.json()) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("key", key);
      json.put("written", true);
      json.put("ttl_ms", ttl == null ? null : ttl.toMillis());
      OutputFormat.printJson(out, json);
      return;
    }
    out.println("OK");
  }
}
