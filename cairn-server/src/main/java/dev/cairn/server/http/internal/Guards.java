package dev.cairn.server.http.internal;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;

/**
 * The checks every request passes before its handler, in this order: body size (413), bearer token (401, every path
 * but {@code /health}), writes allowed (403). Thread-safe and immutable.
 *
 * <p>The token is compared as SHA-256 digests with {@link MessageDigest#isEqual}: constant time, and the digests
 * have the same length whatever was sent, so neither the content nor the length of the token leaks through timing.
 */
public final class Guards {
  private static final String MODULE = "cairn.server";
  private final Optional<byte[]> tokenDigest;
  private final boolean allowsWrites;
  private final boolean readOnlyRequested;
  private final long maxBodyBytes;

  public Guards(Optional<String> adminToken, boolean readOnly, long maxBodyBytes) {
    this.tokenDigest = adminToken.map(Guards::digest);
    this.allowsWrites = adminToken.isPresent() && !readOnly;
    this.readOnlyRequested = readOnly;
    this.maxBodyBytes = maxBodyBytes;
  }

  public void check(Context ctx) {
    checkBodySize(ctx);
    if (!"/health".equals(ctx.path())) {
      checkToken(ctx);
    }
    if (isWrite(ctx.method()) && !allowsWrites) {
      String why = readOnlyRequested ? "the server runs with --read-only"
          : "writes need CAIRN_ADMIN_TOKEN to be set when the server starts";
      throw new ApiError(403, "READ_ONLY", "writes are disabled: " + why, MODULE, Map.of());
    }
  }

  private void checkBodySize(Context ctx) {
    long length = ctx.req().getContentLengthLong();
    if (length > maxBodyBytes) {
      throw new ApiError(413, "BODY_TOO_LARGE", "the body has " + length + " bytes; the limit is " + maxBodyBytes,
          MODULE, Map.of("max_body_bytes", maxBodyBytes));
    }
  }

  private void checkToken(Context ctx) {
    if (tokenDigest.isEmpty()) {
      return;
    }
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new ApiError(401, "UNAUTHORIZED", "this endpoint needs Authorization: Bearer <admin token>", MODULE,
          Map.of());
    }
    if (!MessageDigest.isEqual(tokenDigest.get(), digest(header.substring(7).strip()))) {
      throw new ApiError(401, "UNAUTHORIZED", "the bearer token is not the admin token", MODULE, Map.of());
    }
  }

  private static boolean isWrite(HandlerType method) {
    return method == HandlerType.POST || method == HandlerType.PUT || method == HandlerType.PATCH
        || method == HandlerType.DELETE;
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
