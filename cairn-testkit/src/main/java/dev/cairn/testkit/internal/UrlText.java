package dev.cairn.testkit.internal;

import dev.cairn.core.StoreUrl;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a server {@link StoreUrl} back as text that {@link StoreUrl#parse} reads to the same value, password
 * included. {@code StoreUrl.toString()} masks the password, which is right for logs but useless for handing a
 * test its working URL. The result must therefore never be logged.
 */
public final class UrlText {
  private UrlText() {}

  public static String unmasked(StoreUrl url) {
    StringBuilder text = new StringBuilder(scheme(url)).append("://");
    if (url.user() != null || url.password() != null) {
      text.append(url.user() == null ? "" : encode(url.user()));
      if (url.password() != null) {
        text.append(':').append(encode(url.password()));
      }
      text.append('@');
    }
    List<String> hosts = new ArrayList<>();
    url.hosts().forEach(host -> hosts.add(host.toString()));
    text.append(String.join(",", hosts)).append('/').append(encode(url.path()));
    if (!url.params().isEmpty()) {
      List<String> pairs = new ArrayList<>();
      url.params().forEach((key, value) -> pairs.add(encode(key) + "=" + encode(value)));
      text.append('?').append(String.join("&", pairs));
    }
    return text.toString();
  }

  private static String scheme(StoreUrl url) {
    return switch (url.kind()) {
      case POSTGRESQL -> "postgresql";
      case MARIADB -> "mariadb";
      case MYSQL -> "mysql";
      case REDIS -> url.tls() ? "rediss" : "redis";
      default -> throw new IllegalArgumentException("not a single-server URL: " + url);
    };
  }

  // StoreUrl decodes '+' as a literal plus, so spaces must be %20 rather than URLEncoder's '+'.
  private static String encode(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
