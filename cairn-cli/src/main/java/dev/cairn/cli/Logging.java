package dev.cairn.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Sets log levels for one CLI run. logback.xml keeps everything at WARN on standard error so command output stays
 * clean; {@code --verbose} opens it up. Libraries log through SLF4J only; this is the one place that knows the
 * backend is Logback.
 *
 * <p>Drivers that log through java.util.logging (pgjdbc) would print to standard error on their own, unmasked and
 * in another format: their records are routed into Logback instead, so they pass the same password masking, and
 * pgjdbc's warnings (about URLs the CLI already reported as one line) show only with {@code --verbose}.
 */
final class Logging {
  private Logging() {}

  static void configure(boolean verbose) {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    // Another SLF4J backend (an embedding application's) keeps its own configuration.
    if (!(factory instanceof LoggerContext context)) {
      return;
    }
    routeJavaUtilLogging();
    context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(verbose ? Level.INFO : Level.WARN);
    context.getLogger("dev.cairn").setLevel(verbose ? Level.DEBUG : null);
    context.getLogger("org.postgresql").setLevel(verbose ? null : Level.ERROR);
    // Flyway reports at ERROR what Cairn turns into the command's one-line error (a failed script) and what is no
    // error at all (a missing scripts folder means no scripts): its lines show only with --verbose.
    context.getLogger("org.flywaydb").setLevel(verbose ? null : Level.OFF);
  }

  private static synchronized void routeJavaUtilLogging() {
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
  }
}
