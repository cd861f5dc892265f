package dev.cairn.cli;

import dev.cairn.core.Json;
import java.io.PrintStream;
import picocli.CommandLine.Option;

/** The {@code --json} switch shared by the data commands: aligned text for people, JSON for scripts. */
final class OutputFormat {
  @Option(names = "--json", description = "Print JSON instead of aligned text.")
  private boolean json;

  boolean json() {
    return json;
  }

  /** Writes {@code value} as one line of JSON with Cairn's settings ({@link Json}). */
  static void printJson(PrintStream out, Object value) {
    out.println(Json.write(value));
  }
}
