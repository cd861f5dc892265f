package dev.cairn.server.http.internal;

import dev.cairn.server.http.AdminConfig;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Keeps web pages away from the API: the first of the {@link Guards}. Immutable and thread-safe.
 *
 * <ul>
 *   <li><b>Host</b> (DNS rebinding): a page on {@code evil.example} can re-point its own name at 127.0.0.1, and
 *       the browser then treats the API as that page's origin. Its requests still carry {@code Host:
 *       evil.example}, so only the names of this server are answered (see {@link AdminConfig}); others get 403
 *       {@code HOST_NOT_ALLOWED}, on every path.
 *   <li><b>Origin</b>: a page of another origin that sends a request (its reads would be blocked by the browser
 *       anyway, as no CORS header is ever sent, but its writes would run) is refused with 403
 *       {@code CROSS_ORIGIN_REFUSED}: an {@code Origin} that is not {@code scheme://<Host header>}, or, without
 *       one, {@code Sec-Fetch-Site: cross-site} or {@code same-site}. {@code /health} stays open to all, as
 *       for the token. Clients that are not browsers send neither header and pass.
 * </ul>
 */
final class BrowserGuard {
  private static final String MODULE = "cairn.server";
  private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "::1");
  private final Set<String> names;
  private final boolean anyName;
  private final boolean anyAddressLiteral;

  BrowserGuard(AdminConfig config) {
    Set<String> allowed = new HashSet<>(LOOPBACK_NAMES);
    allowed.addAll(config.allowedHosts());
    String bind = config.bindAddress().toLowerCase(Locale.ROOT);
    boolean wildcard = isWildcard(bind);
    if (!wildcard) {
      allowed.add(bind.startsWith("[") ? bind.substring(1, bind.length() - 1) : bind);
    }
    this.names = Set.copyOf(allowed);
    this.anyName = allowed.contains("*");
    this.anyAddressLiteral = wildcard;
  }

  void check(Context ctx) {
    String host = ctx.header("Host");
    if (!allowsHost(host)) {
      throw new ApiError(403, "HOST_NOT_ALLOWED", "this server does not answer for the host named in the request;"
          + " start it with --allowed-host NAME (or CAIRN_ALLOWED_HOSTS) to allow a name", MODULE, Map.of());
    }
    // A link from another site to the console page is a navigation, not an attack: the page holds no data.
    if (!"/health".equals(ctx.path()) && !ConsoleRoutes.isConsolePath(ctx.path()) && isCrossOrigin(ctx.header("Origin"), ctx.header("Sec-Fetch-Site"), host)) {
      throw new ApiError(403, "CROSS_ORIGIN_REFUSED",
          "requests from web pages of another origin are refused", MODULE, Map.of());
    }
  }

  /** Whether a Host header value names this server; a request without one (HTTP/1.0) comes from no browser. */
  boolean allowsHost(String header) {
    if (header == null || anyName) {
      return true;
    }
    String name = hostName(header);
    return name != null && (names.contains(name) || anyAddressLiteral && isAddressLiteral(name));
  }

  static boolean isCrossOrigin(String origin, String fetchSite, String host) {
    if (origin != null) {
      // The Host header does not tell the scheme (TLS may end at a proxy): either default port is left out.
      return host == null || !authority(origin).equals(normalAuthority(normalAuthority(host, "http"), "https"));
    }
    return "cross-site".equalsIgnoreCase(fetchSite) || "same-site".equalsIgnoreCase(fetchSite);
  }

  /** {@code host[:port]} of an Origin header, default port left out; "" for "null" or anything unparsable. */
  private static String authority(String origin) {
    try {
      URI uri = new URI(origin.strip());
      if (uri.getScheme() == null || uri.getRawAuthority() == null) {
        return "";
      }
      return normalAuthority(uri.getRawAuthority(), uri.getScheme().toLowerCase(Locale.ROOT));
    } catch (URISyntaxException e) {
      return "";
    }
  }

  private static String normalAuthority(String authority, String scheme) {
    String lower = authority.strip().toLowerCase(Locale.ROOT);
    String defaultPort = scheme.equals("https") ? ":443" : ":80";
    return lower.endsWith(defaultPort) ? lower.substring(0, lower.length() - defaultPort.length()) : lower;
  }

  /** The name of a Host header ({@code name}, {@code name:port}, {@code [v6]:port}), lower case; null if malformed. */
  static String hostName(String header) {
    String value = header.strip().toLowerCase(Locale.ROOT);
    String name;
    String port;
    if (value.startsWith("[")) {
      int close = value.indexOf(']');
      if (close < 0) {
        return null;
      }
      name = value.substring(1, close);
      port = value.substring(close + 1);
      if (!port.isEmpty() && !port.startsWith(":")) {
        return null;
      }
      port = port.isEmpty() ? "" : port.substring(1);
    } else {
      int colon = value.lastIndexOf(':');
      name = colon < 0 ? value : value.substring(0, colon);
      port = colon < 0 ? "" : value.substring(colon + 1);
    }
    if (name.isEmpty() || !port.chars().allMatch(Character::isDigit)) {
      return null;
    }
    return name;
  }

  private static boolean isWildcard(String bind) {
    return bind.equals("0.0.0.0") || bind.equals("::") || bind.equals("[::]") || bind.equals("0:0:0:0:0:0:0:0");
  }

  // Only literals: resolving a name here would ask DNS, which is exactly what the attacker controls.
  private static boolean isAddressLiteral(String name) {
    if (!name.matches("(\\d{1,3}\\.){3}\\d{1,3}|[0-9a-f:.]*:[0-9a-f:.]*")) {
      return false;
    }
    try {
      InetAddress.getByName(name);
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
