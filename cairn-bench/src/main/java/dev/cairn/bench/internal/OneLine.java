package dev.cairn.bench.internal;

/** Folds a multi-line driver message (PostgreSQL adds hints on new lines) into the one line an error may take. */
public final class OneLine {
  private OneLine() {}

  public static String of(String message) {
    return message == null ? "(no message)" : message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
