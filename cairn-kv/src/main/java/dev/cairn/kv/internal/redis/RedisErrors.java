package dev.cairn.kv.internal.redis;

import dev.cairn.core.CairnException;
import dev.cairn.core.InvalidInputException;
import dev.cairn.core.UnavailableException;
import dev.cairn.kv.OutcomeUnknownException;
import dev.cairn.kv.internal.Failures;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Translates Lettuce failures into the {@link CairnException} family with the same codes the memory store uses.
 * Messages name the server by its redacted URL and the cause by its innermost message; never a password.
 */
record RedisErrors(String url, Duration timeout) {
  /** The words of Lettuce's failures for commands it never wrote (lettuce-core 7.7: DefaultEndpoint). */
  private static final List<String> NEVER_SENT_MESSAGES = List.of("Currently not connected. Commands are rejected.",
      "Connection disconnected", "Connection closed", "Connection is closed", "Request queue size exceeded",
      "Command buffer size exceeded", "Internal stack size exceeded");

  /** A failure while connecting or authenticating at open time. */
  CairnException onConnect(RuntimeException e) {
    String cause = rootMessage(e);
    String upper = cause.toUpperCase(Locale.ROOT);
    if (upper.startsWith("WRONGPASS") || upper.startsWith("NOAUTH") || upper.contains("INVALID PASSWORD")
        || upper.contains("INVALID USERNAME-PASSWORD")) {
      return new InvalidInputException("KV_AUTH_FAILED", "cannot authenticate to Redis at " + url + ": " + cause, e);
    }
    if (hasCause(e, SSLException.class)) {
      return new UnavailableException("KV_TLS_FAILED", "TLS handshake with Redis at " + url + " failed: " + cause, e);
    }
    return new UnavailableException("KV_UNAVAILABLE", "cannot connect to Redis at " + url + ": " + cause
        + " (connect timeout " + timeout.toMillis() + " ms)" + hint(cause), e);
  }

  /** A guess at the usual reason for a failure that does not name it, such as TLS spoken to a plaintext port. */
  private String hint(String cause) {
    if (cause.contains("Invalid first byte") || cause.contains("timed out") || cause.contains("closed")) {
      return url.startsWith("rediss") ? "; does the server accept TLS on this port?"
          : "; is it a Redis server, and does it expect TLS (rediss://)?";
    }
    return "";
  }

  /**
   * A failure of one command on {@code key} (or {@code null} for commands without one). Only failures that prove
   * the command never reached Redis become a plain {@code KV_UNAVAILABLE}; every other loss of the connection, a
   * timeout and an interrupt become an {@link OutcomeUnknownException}.
   */
  CairnException onCommand(RuntimeException e, String what, String key) {
    if (e instanceof CairnException cairn) {
      return cairn;
    }
    if (e instanceof RedisCommandTimeoutException) {
      return new OutcomeUnknownException("KV_TIMEOUT", "Redis at " + url + " did not answer " + what + " within "
          + timeout.toMillis() + " ms; it may or may not have been applied", e);
    }
    if (e instanceof RedisCommandInterruptedException) {
      Thread.currentThread().interrupt();
      return new OutcomeUnknownException("KV_INTERRUPTED", what + " on Redis at " + url
          + " was interrupted while waiting for the answer; it may or may not have been applied", e);
    }
    if (e instanceof RedisCommandExecutionException) {
      return onServerError(e, what, key);
    }
    if (neverSent(e)) {
      return new UnavailableException("KV_UNAVAILABLE", "Redis at " + url + " is unavailable for " + what + ": "
          + rootMessage(e) + "; it was not sent", e);
    }
    if (e instanceof RedisException) {
      return new OutcomeUnknownException("KV_OUTCOME_UNKNOWN", "Redis at " + url + " did not answer " + what
          + ": " + rootMessage(e) + "; it may or may not have been applied", e);
    }
    return new CairnException("KV_ERROR", what + " on Redis at " + url + " failed: " + rootMessage(e), e);
  }

  /**
   * Whether Lettuce failed the command before handing it to the socket: it could not connect, was closed, rejected
   * the command while disconnected (also its answer to a write that failed before leaving the client), or drained
   * it from a buffer when the connection dropped. Commands written and unanswered get
   * {@link InFlightCommands.InFlightCommandLost} before Lettuce drains anything, so "Connection disconnected" and
   * "Connection closed" are left to buffered commands only.
   */
  private static boolean neverSent(RuntimeException e) {
    if (hasCause(e, InFlightCommands.InFlightCommandLost.class)) {
      return false;
    }
    if (hasCause(e, RedisConnectionException.class)) {
      return true;
    }
    String message = String.valueOf(e.getMessage());
    return NEVER_SENT_MESSAGES.stream().anyMatch(message::startsWith);
  }

  private CairnException onServerError(RuntimeException e, String what, String key) {
    String message = String.valueOf(e.getMessage());
    String subject = key == null ? what : key;
    if (message.startsWith("WRONGTYPE") || message.contains(" WRONGTYPE ")) {
      return Failures.wrongType(subject, e);
    }
    if (message.contains("not an integer") || message.contains("would overflow")) {
      return Failures.notAnInteger(subject, "is not an integer or would overflow: " + message, e);
    }
    if (message.startsWith("CROSSSLOT")) {
      return new InvalidInputException("CROSS_SLOT", what + " on Redis Cluster at " + url
          + " touches keys in different slots; give them a common hash tag: " + message, e);
    }
    if (message.startsWith("NOAUTH") || message.startsWith("WRONGPASS") || message.startsWith("NOPERM")) {
      return new InvalidInputException("KV_AUTH_FAILED", what + " on Redis at " + url + " was refused: " + message, e);
    }
    if (message.startsWith("LOADING") || message.startsWith("MASTERDOWN") || message.startsWith("CLUSTERDOWN")
        || message.startsWith("TRYAGAIN") || message.startsWith("READONLY")) {
      return new UnavailableException("KV_UNAVAILABLE", "Redis at " + url + " cannot serve " + what + " now: "
          + message, e);
    }
    String code = what.startsWith("script ") ? "KV_SCRIPT_FAILED" : "KV_ERROR";
    return new CairnException(code, what + " on Redis at " + url + " failed: " + message, e);
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    // Lettuce's cluster errors span several lines; Cairn's messages are one line
    return message == null ? root.getClass().getSimpleName() : message.replaceAll("\\s+", " ").strip();
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
