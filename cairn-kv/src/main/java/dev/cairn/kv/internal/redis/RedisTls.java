package dev.cairn.kv.internal.redis;

import dev.cairn.core.InvalidInputException;
import dev.cairn.core.StoreUrl;
import io.lettuce.core.SslOptions;
import io.lettuce.core.SslVerifyMode;
import java.io.File;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TLS settings from a {@code rediss://} URL: {@code ca} (PEM file of trusted certificates; default: the JDK's
 * trust store), {@code cert} + {@code key} (PEM client certificate and PKCS#8 key for mutual TLS) and
 * {@code verify} ({@code full}, the default: certificate and host name; {@code ca}: certificate only;
 * {@code none}: nothing, with a warning).
 */
record RedisTls(SslOptions sslOptions, SslVerifyMode verifyMode) {
  private static final Logger LOG = LoggerFactory.getLogger(RedisTls.class);

  static RedisTls from(StoreUrl url) {
    SslOptions.Builder ssl = SslOptions.builder().jdkSslProvider();
    String ca = url.params().get("ca");
    if (ca != null) {
      ssl.trustManager(readable(url, "ca", ca));
    }
    String cert = url.params().get("cert");
    String key = url.params().get("key");
    if ((cert == null) != (key == null)) {
      throw new InvalidInputException("INVALID_TLS_FILE",
          "store URL " + url.redacted() + " needs both cert and key for mutual TLS, or neither");
    }
    if (cert != null) {
      ssl.keyManager(readable(url, "cert", cert), readable(url, "key", key), null);
    }
    return new RedisTls(ssl.build(), verifyMode(url));
  }

  private static SslVerifyMode verifyMode(StoreUrl url) {
    String verify = url.param("verify", "full").toLowerCase(Locale.ROOT);
    return switch (verify) {
      case "full", "true" -> SslVerifyMode.FULL;
      case "ca" -> SslVerifyMode.CA;
      case "none", "false" -> {
        LOG.warn("TLS verification is OFF for {} (verify=none): the server's identity is not checked", url);
        yield SslVerifyMode.NONE;
      }
      default -> throw new InvalidInputException("INVALID_URL",
          "store URL " + url.redacted() + " has verify='" + verify + "'; expected full, ca or none");
    };
  }

  private static File readable(StoreUrl url, String param, String path) {
    File file = new File(path);
    if (!file.isFile() || !file.canRead()) {
      throw new InvalidInputException("INVALID_TLS_FILE",
          "store URL " + url.redacted() + " names " + param + "=" + path + ", which is not a readable file");
    }
    return file;
  }
}
