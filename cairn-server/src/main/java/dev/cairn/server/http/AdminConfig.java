package dev.cairn.server.http;

import dev.cairn.core.InvalidInputException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How the admin HTTP API listens and what it allows. Immutable and validated when built, so a server never starts
 * in an unsafe shape.
 *
 * <p>Rules: without a token the API is read-only (writes need someone who proved who they are) and may listen only
 * on a loopback address; with a token every endpoint but {@code /health}, reads included, requires
 * {@code Authorization: Bearer <token>} (at least {@value #MIN_TOKEN_LENGTH} characters), and {@code readOnly}
 * still refuses writes.
 *
 * <p>Host names: a request is answered only when its {@code Host} header names this server: a loopback name
 * ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}), the bind address when it is not loopback (any IP address
 * when it is a wildcard such as {@code 0.0.0.0}: an address literal cannot be re-pointed by DNS), or one of
 * {@code allowedHosts} ({@code *} allows every name). A web page that re-points its own name at 127.0.0.1 (DNS
 * rebinding) is so refused.
 *
 * @param bindAddress host name or address to listen on; {@code 127.0.0.1} by default
 * @param port TCP port, 0 for a free one
 * @param adminToken the bearer token, or empty for none; never printed (see {@link #toString()})
 * @param readOnly whether writes are refused even with a token
 * @param maxBodyBytes the largest request body accepted
 * @param maxPageSize the largest page a table or key listing may ask for
 * @param allowedHosts further host names (or {@code *}) accepted in the {@code Host} header, lower case, IPv6
 *     addresses without brackets
 * @param requestPolicy deadlines, queue bounds and idempotency retention (see {@link RequestPolicy})
 */
public record AdminConfig(
    String bindAddress, int port, Optional<String> adminToken, boolean readOnly, long maxBodyBytes, int maxPageSize,
    List<String> allowedHosts, RequestPolicy requestPolicy) {
  public static final String DEFAULT_BIND = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
  /**
   * The largest page by default: {@code page_size} of a table, {@code limit} of a key listing; the command line's
   * {@code --page-size} and {@code --limit} share it.
   */
  public static final int DEFAULT_MAX_PAGE_SIZE = 1000;
  /** The page size when a listing names none, over HTTP and on the command line alike. */
  public static final int DEFAULT_PAGE_SIZE = 20;
  /** The shortest admin token accepted. */
  public static final int MIN_TOKEN_LENGTH = 16;

  /**
   * Validates the settings.
   *
   * @throws NullPointerException for a null address, token option or host list
   * @throws InvalidInputException {@code INVALID_PORT}, {@code INVALID_LIMIT}, {@code EMPTY_ADMIN_TOKEN},
   *     {@code ADMIN_TOKEN_TOO_SHORT} for a token under {@value #MIN_TOKEN_LENGTH} characters,
   *     {@code INVALID_HOST} for an allowed host that is not a host name, or {@code ADMIN_TOKEN_REQUIRED} for a
   *     non-loopback bind without a token
   */
  public AdminConfig {
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(adminToken, "adminToken");
    allowedHosts = Objects.requireNonNull(allowedHosts, "allowedHosts").stream().map(AdminConfig::hostName)
        .distinct().toList();
    Objects.requireNonNull(requestPolicy, "requestPolicy");
    if (port < 0 || port > 65_535) {
      throw new InvalidInputException("INVALID_PORT", "port must be between 0 and 65535, was " + port);
    }
    if (maxBodyBytes < 1 || maxPageSize < 1) {
      throw new InvalidInputException("INVALID_LIMIT", "body and page size limits must be positive");
    }
    if (adminToken.isPresent() && adminToken.get().isBlank()) {
      throw new InvalidInputException("EMPTY_ADMIN_TOKEN", "the admin token is blank; unset it or give a secret");
    }
    if (adminToken.isPresent() && adminToken.get().length() < MIN_TOKEN_LENGTH) {
      // The token guards reads as well as writes; a short one is guessed. The length only, never the token.
      throw new InvalidInputException("ADMIN_TOKEN_TOO_SHORT", "the admin token has " + adminToken.get().length()
          + " characters; use at least " + MIN_TOKEN_LENGTH + " (e.g. openssl rand -hex 16)");
    }
    if (adminToken.isEmpty() && !isLoopback(bindAddress)) {
      throw new InvalidInputException("ADMIN_TOKEN_REQUIRED",
          "listening on " + bindAddress + " (not a loopback address) needs CAIRN_ADMIN_TOKEN to be set");
    }
  }

  /** Loopback on the default port, no token (so read-only), default limits. */
  public static AdminConfig defaults() {
    return new AdminConfig(DEFAULT_BIND, DEFAULT_PORT, Optional.empty(), false, DEFAULT_MAX_BODY_BYTES,
        DEFAULT_MAX_PAGE_SIZE, List.of(),
        RequestPolicy.defaults());
  }

  public AdminConfig withBind(String address, int newPort) {
    return new AdminConfig(address, newPort, adminToken, readOnly, maxBodyBytes, maxPageSize, allowedHosts,
        requestPolicy);
  }

  public AdminConfig withAdminToken(String token) {
    return new AdminConfig(bindAddress, port, Optional.ofNullable(token), readOnly, maxBodyBytes, maxPageSize,
        allowedHosts, requestPolicy);
  }

  public AdminConfig withReadOnly(boolean value) {
    return new AdminConfig(bindAddress, port, adminToken, value, maxBodyBytes, maxPageSize, allowedHosts,
        requestPolicy);
  }

  public AdminConfig withLimits(long bodyBytes, int pageSize) {
    return new AdminConfig(bindAddress, port, adminToken, readOnly, bodyBytes, pageSize, allowedHosts, requestPolicy);
  }

  public AdminConfig withRequestPolicy(RequestPolicy policy) {
    return new AdminConfig(bindAddress, port, adminToken, readOnly, maxBodyBytes, maxPageSize, allowedHosts, policy);
  }

  /** The same settings answering {@code hosts} too (see the class comment); replaces the earlier list. */
  public AdminConfig withAllowedHosts(Collection<String> hosts) {
    return new AdminConfig(bindAddress, port, adminToken, readOnly, maxBodyBytes, maxPageSize, List.copyOf(hosts),
        requestPolicy);
  }

  /** Whether write endpoints are served: only with a token and without {@code readOnly}. */
  public boolean allowsWrites() {
    return adminToken.isPresent() && !readOnly;
  }

  @Override
  public String toString() {
    return "AdminConfig[bind=" + bindAddress + ":" + port + ", token=" + (adminToken.isPresent() ? "set" : "none")
        + ", readOnly=" + readOnly + ", maxBodyBytes=" + maxBodyBytes + ", maxPageSize=" + maxPageSize
        + ", allowedHosts=" + allowedHosts + ", " + requestPolicy + "]";
  }

  /** {@code host} as compared with a Host header: lower case, brackets of an IPv6 address removed. */
  private static String hostName(String host) {
    String name = Objects.requireNonNull(host, "allowed host").strip().toLowerCase(Locale.ROOT);
    if (name.startsWith("[") && name.endsWith("]")) {
      name = name.substring(1, name.length() - 1);
    }
    // One colon is a name with a port (ports are not compared); IPv6 addresses have more.
    boolean withPort = name.indexOf(':') >= 0 && name.indexOf(':') == name.lastIndexOf(':');
    if (name.isEmpty() || withPort || !name.equals("*") && !name.matches("[a-z0-9._:-]+")) {
      throw new InvalidInputException("INVALID_HOST",
          "allowed host '" + host.strip() + "' is not a host name or address (give names such as cairn.internal, "
              + "without scheme, port or path)");
    }
    return name;
  }

  // Resolving is fine here: a name that does not resolve cannot be bound either, and is refused as non-loopback.
  private static boolean isLoopback(String address) {
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
