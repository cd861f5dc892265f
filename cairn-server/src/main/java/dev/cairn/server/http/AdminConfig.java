package dev.cairn.server.http;

import dev.cairn.core.InvalidInputException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;

/**
 * How the admin HTTP API listens and what it allows. Immutable and validated when built, so a server never starts
 * in an unsafe shape.
 *
 * <p>Rules: without a token the API is read-only (writes need someone who proved who they are) and may listen only
 * on a loopback address; with a token every endpoint but {@code /health} requires {@code Authorization: Bearer
 * <token>}, and {@code readOnly} still refuses writes.
 *
 * @param bindAddress host name or address to listen on; {@code 127.0.0.1} by default
 * @param port TCP port, 0 for a free one
 * @param adminToken the bearer token, or empty for none; never printed (see {@link #toString()})
 * @param readOnly whether writes are refused even with a token
 * @param maxBodyBytes the largest request body accepted
 * @param maxPageSize the largest page a table or key listing may ask for
 * @param requestPolicy deadlines, queue bounds and idempotency retention (see {@link RequestPolicy})
 */
public record AdminConfig(
    String bindAddress, int port, Optional<String> adminToken, boolean readOnly, long maxBodyBytes, int maxPageSize,
    RequestPolicy requestPolicy) {
  public static final String DEFAULT_BIND = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
  public static final int DEFAULT_MAX_PAGE_SIZE = 1000;

  /**
   * Validates the settings.
   *
   * @throws NullPointerException for a null address or token option
   * @throws InvalidInputException {@code INVALID_PORT}, {@code INVALID_LIMIT}, {@code EMPTY_ADMIN_TOKEN}, or
   *     {@code ADMIN_TOKEN_REQUIRED} for a non-loopback bind without a token
   */
  public AdminConfig {
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(adminToken, "adminToken");
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
    if (adminToken.isEmpty() && !isLoopback(bindAddress)) {
      throw new InvalidInputException("ADMIN_TOKEN_REQUIRED",
          "listening on " + bindAddress + " (not a loopback address) needs CAIRN_ADMIN_TOKEN to be set");
    }
  }

  /** Loopback on the default port, no token (so read-only), default limits and {@link RequestPolicy#defaults()}. */
  public static AdminConfig defaults() {
    return new AdminConfig(DEFAULT_BIND, DEFAULT_PORT, Optional.empty(), false, DEFAULT_MAX_BODY_BYTES,
        DEFAULT_MAX_PAGE_SIZE, RequestPolicy.defaults());
  }

  public AdminConfig withBind(String address, int newPort) {
    return new AdminConfig(address, newPort, adminToken, readOnly, maxBodyBytes, maxPageSize, requestPolicy);
  }

  public AdminConfig withAdminToken(String token) {
    return new AdminConfig(bindAddress, port, Optional.ofNullable(token), readOnly, maxBodyBytes, maxPageSize,
        requestPolicy);
  }

  public AdminConfig withReadOnly(boolean value) {
    return new AdminConfig(bindAddress, port, adminToken, value, maxBodyBytes, maxPageSize, requestPolicy);
  }

  public AdminConfig withLimits(long bodyBytes, int pageSize) {
    return new AdminConfig(bindAddress, port, adminToken, readOnly, bodyBytes, pageSize, requestPolicy);
  }

  public AdminConfig withRequestPolicy(RequestPolicy policy) {
    return new AdminConfig(bindAddress, port, adminToken, readOnly, maxBodyBytes, maxPageSize, policy);
  }

  /** Whether write endpoints are served: only with a token and without {@code readOnly}. */
  public boolean allowsWrites() {
    return adminToken.isPresent() && !readOnly;
  }

  @Override
  public String toString() {
    return "AdminConfig[bind=" + bindAddress + ":" + port + ", token=" + (adminToken.isPresent() ? "set" : "none")
        + ", readOnly=" + readOnly + ", maxBodyBytes=" + maxBodyBytes + ", maxPageSize=" + maxPageSize + ", "
        + requestPolicy + "]";
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
