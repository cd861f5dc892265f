package dev.cairn.cli;

import dev.cairn.core.InvalidInputException;
import dev.cairn.core.NotFoundException;
import dev.cairn.kv.Ttl;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cairn kv get KEY}: prints a value safely. UTF-8 text is printed with control characters escaped, other
 * bytes as {@code base64:...}; both are cut at {@code --max-length} with a marker. {@code --raw} writes the exact
 * bytes instead, for piping. A hash is shown as a field/value table (or a JSON object of its fields).
 */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description = "Print the value at KEY (exit code 1 and KEY_NOT_FOUND when there is none).")
final class KvGetCommand implements Callable<Integer> {
  private static final String WRONG_TYPE = "WRONG_TYPE";

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "KEY", description = "The key.")
  private String key;

  @Option(
      names = "--max-length",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Cut the shown value after N characters, 0 for no limit (default: ${DEFAULT-VALUE}).")
  private int maxLength;

  @Option(names = "--raw", description = "Write the value's bytes exactly as stored, without a newline.")
  private boolean raw;

  @Mixin
  private KeyValueOption store;

  @Mixin
  private OutputFormat format;

  @Override
  public Integer call() {
    if (maxLength < 0) {
      throw UsageErrors.invalidArgument(spec, "--max-length must be >= 0, was " + maxLength, null);
    }
    if (raw && format.json()) {
      throw UsageErrors.invalidArgument(spec, "--raw and --json cannot be combined", null);
    }
    try (KeyValueOption.OpenStore opened = store.open(spec)) {
      Optional<byte[]> value;
      try {
        value = opened.view().getBytes(key);
      } catch (InvalidInputException e) {
        if (!WRONG_TYPE.equals(e.code()) || raw) {
          throw e;
        }
        // A hash (a KRules subject, for one) is still worth showing; any other type fails again in hashGetAll.
        printHash(Terminal.of(spec).out(), opened.view().hashGetAll(key));
        return ExitCodes.OK;
      }
      if (value.isEmpty()) {
        throw new NotFoundException("KEY_NOT_FOUND", "no value at key '" + DisplayValue.text(key, 200) + "'",
            Map.of("key", key), null);
      }
      print(Terminal.of(spec).out(), value.get(), opened.view().ttl(key));
      return ExitCodes.OK;
    }
  }

  private void printHash(PrintStream out, Map<String, String> fields) {
    Map<String, String> sorted = new TreeMap<>(fields);
    if (format.json()) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("key", key);
      json.put("type", "hash");
      json.put("fields", sorted);
      OutputFormat.printJson(out, json);
      return;
    }
    TablePrinter printer = new TablePrinter(List.of("field", "value"));
    sorted.forEach((field, value) -> printer.add(List.of(field, value)));
    printer.print(out);
  }

  private void print(PrintStream out, byte[] value, Ttl ttl) {
    if (raw) {
      out.write(value, 0, value.length);
      out.flush();
      return;
    }
    String text = utf8(value);
    if (format.json()) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("key", key);
      json.put("encoding", text != null ? "utf-8" : "base64");
      json.put("value", text != null ? text : Base64.getEncoder().encodeToString(value));
      json.put("bytes", value.length);
      json.put("ttl_ms", ttl.state() == Ttl.State.EXPIRING ? ttl.remaining().toMillis() : null);
      OutputFormat.printJson(out, json);
      return;
    }
    out.println(text != null
        ? DisplayValue.text(text, maxLength)
        : "base64:" + DisplayValue.text(Base64.getEncoder().encodeToString(value), maxLength));
  }

  /** The value as text when it is valid UTF-8, else null (the caller shows it as binary). */
  private static String utf8(byte[] value) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(value))
          .toString();
    } catch (CharacterCodingException notText) {
      return null;
    }
  }
}
