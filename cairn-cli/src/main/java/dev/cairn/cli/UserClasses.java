package dev.cairn.cli;

import dev.cairn.core.InvalidInputException;
import dev.cairn.sql.registry.TableIndex;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The user's record classes named by {@code --classpath}: a class loader over their directories and jars (child of
 * the CLI's, so Cairn's annotations are the CLI's own) and the table index read through it. Closing closes the
 * loader.
 *
 * @param loader the loader over the user's entries
 * @param tables the indexed records by database name, the CLI's own index included
 */
record UserClasses(URLClassLoader loader, Map<String, List<Class<? extends Record>>> tables) implements AutoCloseable {

  /**
   * Opens {@code classpath}, or returns null when it is null.
   *
   * @throws picocli.CommandLine.ParameterException for an entry that does not exist or an index that is invalid
   */
  static UserClasses open(CommandSpec spec, String classpath) {
    if (classpath == null) {
      return null;
    }
    List<URL> urls = new ArrayList<>();
    for (String entry : classpath.split(File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      Path path = Path.of(entry);
      if (!Files.exists(path)) {
        throw UsageErrors.invalidArgument(spec, "--classpath: no such file or directory: " + entry, null);
      }
      try {
        urls.add(path.toAbsolutePath().toUri().toURL());
      } catch (MalformedURLException e) {
        throw UsageErrors.invalidArgument(spec, "--classpath: not a usable path: " + entry, e);
      }
    }
    URLClassLoader loader = new URLClassLoader("cairn-user-classes", urls.toArray(URL[]::new),
        UserClasses.class.getClassLoader());
    try {
      return new UserClasses(loader, TableIndex.load(loader));
    } catch (InvalidInputException e) {
      closeQuietly(loader);
      throw UsageErrors.invalidArgument(spec, "--classpath: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(loader);
      throw e;
    }
  }

  @Override
  public void close() {
    closeQuietly(loader);
  }

  private static void closeQuietly(URLClassLoader loader) {
    try {
      loader.close();
    } catch (IOException e) {
      // Nothing was written through the loader; an unclosable jar handle goes away with the process.
    }
  }
}
