package dev.cairn.cli.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import dev.cairn.core.SecretMask;

/** Logback's stack trace converter with passwords masked in every message of the chain (see {@link SecretMask}). */
public final class MaskedThrowableConverter extends ThrowableProxyConverter {
  @Override
  protected String throwableProxyToString(IThrowableProxy throwable) {
    return SecretMask.mask(super.throwableProxyToString(throwable));
  }
}
