package dev.cairn.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.cairn.core.Json;
import dev.cairn.subject.Change;
import dev.cairn.subject.Subject;
import dev.cairn.subject.Write;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cairn subject set NAME PROPERTY VALUE}: writes one property straight to storage, atomically, and prints
 * the change as JSON. VALUE is read as JSON when it is JSON ({@code 36}, {@code true}, {@code "36"},
 * {@code {"a":1}}) and as text otherwise ({@code Ada}); {@code --text} always takes it as text.
 */
@Command(
    name = "set",
    mixinStandardHelpOptions = true,
    description = {
      "Set one property of a subject, directly in storage, and print {\"value\", \"previous\", \"existed\"}.",
      "VALUE is JSON when it parses as JSON (36, true, null, \"36\", [1,2], {\"a\":1}), else text."
    })
final class SubjectSetCommand implements Callable<Integer> {
  // Strict: "36 abc" must be text, not the number 36 followed by ignored garbage.
  private static final ObjectReader STRICT_JSON =
      Json.mapper().readerFor(Object.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "The subject, e.g. user-123.")
  private String name;

  @Parameters(index = "1", paramLabel = "PROPERTY", description = "The property name.")
  private String property;

  @Parameters(index = "2", paramLabel = "VALUE", description = "The value: JSON, or text when it is not JSON.")
  private String value;

  @Option(names = "--text", description = "Store VALUE as text even when it reads as JSON.")
  private boolean text;

  @Option(names = "--ext", description = "Set an extended property (KRules field e<name>; no events).")
  private boolean extended;

  @Mixin
  private SubjectStoreOption store;

  // The output is JSON either way; the flag is accepted so scripts can pass --json to every data command.
  @Mixin
  private OutputFormat format;

  @Override
  public Integer call() {
    Object parsed = text ? value : parse(value);
    try (SubjectStoreOption.OpenSubjects opened = store.open(spec)) {
      Subject subject = opened.subjects().get(name);
      Change change = extended
          ? subject.setExt(property, parsed, Write.DIRECT)
          : subject.set(property, parsed, Write.DIRECT);
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("subject", name);
      json.put("property", property);
      json.put("value", change.value());
      json.put("previous", change.previous());
      json.put("existed", change.existed());
      OutputFormat.printJson(Terminal.of(spec).out(), json);
      return ExitCodes.OK;
    }
  }

  private static Object parse(String input) {
    try {
      return STRICT_JSON.readValue(input);
    } catch (JsonProcessingException notJson) {
      // Not JSON is the common case for plain words; the text itself is the value.
      return input;
    }
  }
}
