package dev.cairn.sql.internal.migrate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The script files of one database directory: {@code V{n}__{slug}.sql} and {@code U{n}__{slug}.sql}. Generated
 * scripts hold one statement per line, each ending in {@code ;}, and {@code --} comment lines; {@link #statements}
 * reads that form (a statement may span lines; it ends at a line ending in {@code ;}).
 */
final class ScriptFiles {
  private static final Pattern SCRIPT = Pattern.compile("([VU])(\\d+)(?:\\.\\d+)*__.*\\.sql");

  private ScriptFiles() {}

  /** Lower-case words joined by '_', at most 60 characters; empty when the message has no letters or digits. */
  static String slug(String message) {
    String slug = message.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    return slug.length() > 60 ? slug.substring(0, 60).replaceAll("_+$", "") : slug;
  }

  /** The highest major version among the V and U files of {@code dir} (0 when none). */
  static int highestVersion(Path dir) throws IOException {
    int highest = 0;
    if (!Files.isDirectory(dir)) {
      return highest;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Matcher matcher = SCRIPT.matcher(file.getFileName().toString());
        if (matcher.matches()) {
          highest = Math.max(highest, Integer.parseInt(matcher.group(2)));
        }
      }
    }
    return highest;
  }

  /** The undo script of {@code version} in {@code dir}. */
  static Optional<Path> undoScript(Path dir, String version) throws IOException {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith("U" + version + "__")
          && f.getFileName().toString().endsWith(".sql")).findFirst();
    }
  }

  static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      current.append(current.isEmpty() ? "" : " ").append(trimmed);
      if (trimmed.endsWith(";")) {
        statements.add(current.substring(0, current.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.isEmpty()) {
      statements.add(current.toString());
    }
    return statements;
  }
}
