package dev.cairn.sql.registry;

import dev.cairn.core.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the compile-time index of record tables, {@value #RESOURCE}: one line per record,
 * {@code database<TAB>binary class name}, written by cairn-sql's annotation processor for records annotated with
 * {@link DatabaseName} or {@link dev.cairn.sql.TableName}. Every copy on the class path is read (one per jar).
 */
public final class TableIndex {
  /** Where the index lives in each jar or class directory. */
  public static final String RESOURCE = "META-INF/cairn/tables";

  private TableIndex() {}

  /**
   * The indexed records by database name; names sorted, records in index order, duplicates removed.
   *
   * @throws InvalidInputException {@code TABLE_INDEX_INVALID} for a malformed line or a class that is missing or
   *     not a record
   * @throws UncheckedIOException when an index cannot be read
   */
  public static Map<String, List<Class<? extends Record>>> load(ClassLoader loader) {
    Map<String, List<Class<? extends Record>>> tables = new TreeMap<>();
    try {
      Enumeration<URL> resources = loader.getResources(RESOURCE);
      while (resources.hasMoreElements()) {
        URL resource = resources.nextElement();
        try (BufferedReader reader = new BufferedReader(
            new InputStreamReader(resource.openStream(), StandardCharsets.UTF_8))) {
          String line;
          while ((line = reader.readLine()) != null) {
            if (!line.isBlank() && !line.startsWith("#")) {
              add(tables, line.strip(), loader, resource);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
    }
    return tables;
  }

  private static void add(Map<String, List<Class<? extends Record>>> tables, String line, ClassLoader loader,
      URL resource) {
    String[] parts = line.split("\t");
    if (parts.length != 2) {
      throw invalid("malformed line '" + line + "' in " + resource + " (expected database<TAB>class)", null);
    }
    String database = DatabasesConfig.checkName(parts[0]);
    Class<?> type;
    try {
      type = Class.forName(parts[1], false, loader);
    } catch (ClassNotFoundException e) {
      throw invalid("class " + parts[1] + " listed in " + resource + " is not on the class path", e);
    }
    if (!type.isRecord()) {
      throw invalid("class " + parts[1] + " listed in " + resource + " is not a record", null);
    }
    List<Class<? extends Record>> types = tables.computeIfAbsent(database, key -> new ArrayList<>());
    Class<? extends Record> record = type.asSubclass(Record.class);
    if (!types.contains(record)) {
      types.add(record);
    }
  }

  private static InvalidInputException invalid(String message, Throwable cause) {
    return new InvalidInputException("TABLE_INDEX_INVALID", message, cause);
  }
}
