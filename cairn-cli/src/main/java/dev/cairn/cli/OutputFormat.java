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

  /**
   * Writes {@code value} as one line of JSON in the vocabulary the HTTP API uses ({@link Json#writeAnswer}): keys
   * in snake_case, an object with {@code "success": true} first.
   */
  static void printJson(PrintStream out, Object value) {
    out.println(Json.writeAnswer(value, true));
  }
}
