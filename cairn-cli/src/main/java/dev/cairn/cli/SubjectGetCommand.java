package dev.cairn.cli;

import dev.cairn.core.NotFoundException;
import dev.cairn.subject.Subject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cairn subject get NAME}: prints a subject as one line of JSON,
 * {@code {"subject": NAME, "properties": {...}, "ext_properties": {...}}}, values as stored, written as Python's
 * {@code json.dumps} would write them where plain JSON cannot (see {@link PythonStyleJson}).
 */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description = "Print a subject as JSON: its properties and extended properties (exit code 1 and "
        + "SUBJECT_NOT_FOUND when it has none).")
final class SubjectGetCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "The subject, e.g. user-123.")
  private String name;

  @Mixin
  private SubjectStoreOption store;

  // The output is JSON either way; the flag is accepted so scripts can pass --json to every data command.
  @Mixin
  private OutputFormat format;

  @Override
  public Integer call() {
    try (SubjectStoreOption.OpenSubjects opened = store.open(spec)) {
      Subject subject = opened.subjects().get(name);
      Map<String, Object> properties = subject.toMap();
      Map<String, Object> extended = subject.extProps();
      // KRules cannot tell a subject without properties from a missing one; saying so catches a wrong --prefix.
      if (properties.isEmpty() && extended.isEmpty()) {
        throw new NotFoundException("SUBJECT_NOT_FOUND", "subject '" + DisplayValue.text(name, 200)
            + "' has no properties in " + opened.store().url(), Map.of("subject", name), null);
      }
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("success", true);
      json.put("subject", name);
      json.put("properties", properties);
      json.put("ext_properties", extended);
      Terminal.of(spec).out().println(PythonStyleJson.write(json));
      return ExitCodes.OK;
    }
  }
}
