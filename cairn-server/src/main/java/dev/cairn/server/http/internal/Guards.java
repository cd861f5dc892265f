package dev.cairn.server.http.internal;

import dev.cairn.server.http.AdminConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;

/**
 * The checks every request passes before its handler, in this order: host and origin ({@link BrowserGuard}, 403),
 * bearer token (401, every path but {@code /health} and the console's static files), writes allowed (403; the
 * read-only SQL console instead needs a configured token, else 403 {@code SQL_CONSOLE_NEEDS_TOKEN}), body size (413). Thread-safe and
 * immutable.
 *
 * <p>Nothing of a body is read before the caller is known: a refused request that announced a body is answered
 * at once and its connection closed, so an anonymous client cannot make the server read megabytes. Only an
 * authenticated client's oversized body is drained (see {@link #discardBody}).
 *
 * <p>The token is compared as SHA-256 digests with {@link MessageDigest#isEqual}: constant time, and the digests
 * have the same length whatever was sent, so neither the content nor the length of the token leaks through timing.
 */
public final class Guards {
  private static final String MODULE = "cairn.server";
  /** The largest refused body still read to its end so the client gets the 413 (see {@link #discardBody}). */
  private static final long DRAIN_LIMIT = 16L * 1024 * 1024;
  private final BrowserGuard browsers;
  private final Optional<byte[]> tokenDigest;
  private final boolean allowsWrites;
  private final boolean readOnlyRequested;
  private final long maxBodyBytes;

  public Guards(AdminConfig config) {
    this.browsers = new BrowserGuard(config);
    this.tokenDigest = config.adminToken().map(Guards::digest);
    this.allowsWrites = config.allowsWrites();
    this.readOnlyRequested = config.readOnly();
    this.maxBodyBytes = config.maxBodyBytes();
  }

  public void check(Context ctx) {
    boolean authenticated = false;
    try {
      browsers.check(ctx);
      // The console's static files hold no data (the page reads through the API with the token), so a browser
      // can load them before the user has typed the token.
      if (!"/health".equals(ctx.path()) && !ConsoleRoutes.isConsolePath(ctx.path())) {
        authenticated = checkToken(ctx);
      }
      if (SqlRoutes.PATH.equals(ctx.path())) {
        // The SQL console writes nothing (its transaction is read-only), but who types SQL must be the operator:
        // only a server with a token offers it, and then even with --read-only.
        if (tokenDigest.isEmpty()) {
          throw new ApiError(403, "SQL_CONSOLE_NEEDS_TOKEN", "the SQL console needs CAIRN_ADMIN_TOKEN to be set "
              + "when the server starts", MODULE, Map.of());
        }
      } else if (isWrite(ctx) && !allowsWrites) {
        String why = readOnlyRequested ? "the server runs with --read-only"
            : "writes need CAIRN_ADMIN_TOKEN to be set when the server starts";
        throw new ApiError(403, "READ_ONLY", "writes are disabled: " + why, MODULE, Map.of());
      }
    } catch (ApiError refused) {
      closeIfBodyPending(ctx);
      throw refused;
    }
    checkBodySize(ctx, authenticated);
  }

  // The body stays unread; ending the connection is what keeps the server from reading it after the answer.
  private static void closeIfBodyPending(Context ctx) {
    if (ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null) {
      ctx.header("Connection", "close");
    }
  }

  private void checkBodySize(Context ctx, boolean authenticated) {
    long length = ctx.req().getContentLengthLong();
    if (length > maxBodyBytes) {
      if (authenticated) {
        discardBody(ctx, length);
      } else {
        ctx.header("Connection", "close");
      }
      throw new ApiError(413, "BODY_TOO_LARGE", "the body has " + length + " bytes; the limit is " + maxBodyBytes,
          MODULE, Map.of("max_body_bytes", maxBodyBytes));
    }
  }

  /**
   * Reads and drops a refused body of moderate size before the 413 goes out; only for authenticated callers (the
   * token was checked before). Most clients (java.net.http among them) write the whole body before reading any
   * answer; a server that answers and closes early makes them see a reset instead of the 413, depending on timing.
   * Bodies past {@link #DRAIN_LIMIT} are not worth reading: their connection is closed and such a client sees the
   * reset.
   */
  private static void discardBody(Context ctx, long length) {
    ctx.header("Connection", "close");
    if (length > DRAIN_LIMIT) {
      return;
    }
    try {
      ctx.req().getInputStream().transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      // The client went away while sending; the 413 is still the answer, whoever may read it.
    }
  }

  /** Whether the request proved the token: false when the server has none; throws 401 for a missing or wrong one. */
  private boolean checkToken(Context ctx) {
    if (tokenDigest.isEmpty()) {
      return false;
    }
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new ApiError(401, "UNAUTHORIZED", "this endpoint needs Authorization: Bearer <admin token>", MODULE,
          Map.of());
    }
    if (!MessageDigest.isEqual(tokenDigest.get(), digest(header.substring(7).strip()))) {
      throw new ApiError(401, "UNAUTHORIZED", "the bearer token is not the admin token", MODULE, Map.of());
    }
    return true;
  }

  /** A vector search is a POST (its query vector is a body) but reads only, so read-only servers answer it. */
  private static boolean isWrite(Context ctx) {
    return !(ctx.method() == HandlerType.POST && VectorRoutes.isSearchPath(ctx.path())) && isWrite(ctx.method());
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
