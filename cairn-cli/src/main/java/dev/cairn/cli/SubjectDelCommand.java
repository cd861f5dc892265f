package dev.cairn.cli;

import dev.cairn.core.NotFoundException;
import dev.cairn.subject.StoredSubject;
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
 * {@code cairn subject del NAME [PROPERTY]}: deletes one property (or, with {@code --ext}, one extended property)
 * straight in storage and prints {@code {"subject", "property", "previous"}}; without PROPERTY deletes the whole
 * subject (KRules' flush) and prints {@code {"subject", "deleted": {"properties", "ext_properties"}}}.
 */
@Command(
    name = "del",
    mixinStandardHelpOptions = true,
    description = {
      "Delete a property of a subject, or without PROPERTY the whole subject, and print what was deleted.",
      "Acts directly in storage; exit code 1 with PROPERTY_NOT_FOUND or SUBJECT_NOT_FOUND when it is absent."
    })
final class SubjectDelCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "The subject, e.g. user-123.")
  private String name;

  @Parameters(index = "1", arity = "0..1", paramLabel = "PROPERTY",
      description = "The property to delete; without it the whole subject goes.")
  private String property;

  @Option(names = "--ext", description = "Delete an extended property (KRules field e<name>).")
  private boolean extended;

  @Mixin
  private SubjectStoreOption store;

  // The output is JSON either way; the flag is accepted so scripts can pass --json to every data command.
  @Mixin
  private OutputFormat format;

  @Override
  public Integer call() {
    if (extended && property == null) {
      throw UsageErrors.invalidArgument(spec, "--ext needs the PROPERTY to delete", null);
    }
    try (SubjectStoreOption.OpenSubjects opened = store.open(spec)) {
      Subject subject = opened.subjects().get(name);
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("subject", name);
      if (property != null) {
        json.put("property", property);
        json.put("previous", extended ? subject.deleteExt(property, Write.DIRECT)
            : subject.delete(property, Write.DIRECT));
      } else {
        StoredSubject deleted = subject.flush();
        if (deleted.isEmpty()) {
          throw new NotFoundException("SUBJECT_NOT_FOUND", "subject '" + DisplayValue.text(name, 200)
              + "' has no properties in " + opened.store().url(), Map.of("subject", name), null);
        }
        Map<String, Object> held = new LinkedHashMap<>();
        held.put("properties", deleted.properties());
        held.put("ext_properties", deleted.extended());
        json.put("deleted", held);
      }
      OutputFormat.printJson(Terminal.of(spec).out(), json);
      return ExitCodes.OK;
    }
  }
}
