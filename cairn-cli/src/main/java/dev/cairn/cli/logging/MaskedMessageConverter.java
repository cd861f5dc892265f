package dev.cairn.cli.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.cairn.core.SecretMask;

/**
 * Logback's {@code %msg} with passwords masked (see {@link SecretMask}); installed by logback.xml in place of the
 * standard converter, so no appender of the CLI writes a password even if a library logs a raw connection URL.
 */
public final class MaskedMessageConverter extends MessageConverter {
  @Override
  public String convert(ILoggingEvent event) {
    return SecretMask.mask(super.convert(event));
  }
}
