package dev.cairn.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Sets log levels for one CLI run. logback.xml keeps everything at WARN on standard error so command output stays
 * clean; {@code --verbose} opens it up. Libraries log through SLF4J only; this is the one place that knows the
 * backend is Logback.
 */
final class Logging {
  private Logging() {}

  static void configure(boolean verbose) {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    // Another SLF4J backend (an embedding application's) keeps its own configuration.
    if (!(factory instanceof LoggerContext context)) {
      return;
    }
    context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(verbose ? Level.INFO : Level.WARN);
    context.getLogger("dev.cairn").setLevel(verbose ? Level.DEBUG : null);
  }
}
