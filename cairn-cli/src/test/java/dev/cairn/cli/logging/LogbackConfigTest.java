package dev.cairn.cli.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.joran.spi.JoranException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The CLI's logback.xml, loaded into a private logger context, writing to a captured standard error. */
class LogbackConfigTest {

  @Test
  void log_warnWithPasswords_maskedInMessageAndStackTrace() throws Exception {
    String logged = logWith(logger -> logger.warn("cannot reach {}", "postgresql://app:hunter2@db/app",
        new IllegalStateException("driver: jdbc:mariadb://db/app?password=s3cret refused")));

    assertThat(logged)
        .contains("WARN", "cannot reach postgresql://app:****@db/app")
        .contains("java.lang.IllegalStateException: driver: jdbc:mariadb://db/app?password=**** refused")
        .doesNotContain("hunter2").doesNotContain("s3cret");
  }

  @Test
  void log_infoAndWarn_onlyWarnShownByDefault() throws Exception {
    String logged = logWith(logger -> {
      logger.info("pool started");
      logger.warn("pool exhausted");
    });

    assertThat(logged.lines().toList()).singleElement().asString().endsWith("WARN  dev.cairn.test - pool exhausted");
  }

  private static String logWith(Consumer<Logger> work) throws JoranException {
    URL config = LogbackConfigTest.class.getResource("/logback.xml");
    assertThat(config).as("logback.xml on the class path").isNotNull();
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    try {
      // The console appender resolves System.err when it writes, so it sees the captured stream.
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(config);
      work.accept(context.getLogger("dev.cairn.test"));
    } finally {
      context.stop();
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
