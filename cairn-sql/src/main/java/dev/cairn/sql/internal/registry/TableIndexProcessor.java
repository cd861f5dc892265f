package dev.cairn.sql.internal.registry;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@code META-INF/cairn/tables} (see {@link dev.cairn.sql.registry.TableIndex}) listing every record
 * annotated with {@code @DatabaseName} or {@code @TableName} in the compilation, so that the registry finds tables
 * without scanning the class path. Records are collected over all rounds and written once, at the last round,
 * because the Filer allows one creation per resource. Anything else annotated is a compile error.
 */
public final class TableIndexProcessor extends AbstractProcessor {
  private static final String DATABASE_NAME = "dev.cairn.sql.registry.DatabaseName";
  private static final String TABLE_NAME = "dev.cairn.sql.TableName";
  private static final String FRAMEWORK = "framework";

  /** Binary class name to database name; sorted so the index is reproducible. */
  private final Map<String, String> entries = new TreeMap<>();

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(DATABASE_NAME, TABLE_NAME);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (TypeElement annotation : annotations) {
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        collect(element);
      }
    }
    if (round.processingOver() && !entries.isEmpty()) {
      write();
    }
    // Other processors may still want @TableName; claiming it would hide it from them.
    return false;
  }

  private void collect(Element element) {
    if (element.getKind() != ElementKind.RECORD) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
          "@DatabaseName/@TableName belong on records; " + element + " is a " + element.getKind(), element);
      return;
    }
    TypeElement type = (TypeElement) element;
    String database = FRAMEWORK;
    for (var mirror : type.getAnnotationMirrors()) {
      if (mirror.getAnnotationType().toString().equals(DATABASE_NAME)) {
        for (var value : mirror.getElementValues().entrySet()) {
          database = String.valueOf(value.getValue().getValue());
        }
      }
    }
    if (!database.matches("[a-z][a-z0-9_]{0,39}")) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "database name '" + database
          + "' must be 1-40 lower-case letters, digits and '_', starting with a letter", element);
      return;
    }
    entries.put(processingEnv.getElementUtils().getBinaryName(type).toString(), database);
  }

  private void write() {
    try {
      FileObject file = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "",
          "META-INF/cairn/tables");
      try (Writer writer = new java.io.OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
        writer.write("# database<TAB>record, written by " + getClass().getName() + "\n");
        for (var entry : entries.entrySet()) {
          writer.write(entry.getValue() + "\t" + entry.getKey() + "\n");
        }
      }
    } catch (IOException e) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
          "cannot write META-INF/cairn/tables: " + e.getMessage());
    }
  }
}
