package dev.cairn.sql.conformance;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures what the SQL echo logger ({@code dev.cairn.sql.echo}) logs while a test runs, at DEBUG whatever the
 * logging setup says. In a class of its own so that only the echo test needs logback-classic (SLF4J's binding)
 * on a consumer's test class path, not every part of the suite.
 */
final class EchoLog implements AutoCloseable {
  private final Logger echo = (Logger) LoggerFactory.getLogger("dev.cairn.sql.echo");
  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
  private final Level before = echo.getLevel();

  EchoLog() {
    captured.start();
    echo.addAppender(captured);
    echo.setLevel(Level.DEBUG);
  }

  /** The messages logged so far, in order. */
  List<String> lines() {
    return captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  /** Whether every event so far was logged at DEBUG. */
  boolean allAtDebug() {
    return captured.list.stream().allMatch(event -> event.getLevel() == Level.DEBUG);
  }

  @Override
  public void close() {
    echo.setLevel(before);
    echo.detachAppender(captured);
  }
}
