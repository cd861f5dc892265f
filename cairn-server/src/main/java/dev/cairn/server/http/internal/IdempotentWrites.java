package dev.cairn.server.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.CairnException;
import dev.cairn.core.Json;
import dev.cairn.kv.KeyValue;
import dev.cairn.kv.SetOptions;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code Idempotency-Key} header on writes: the first request with a key runs, and its answer (status, body)
 * is kept for the retention period in the server's key-value store (so servers sharing one Redis share keys); a
 * repeat of the same request (method, path with query, body: a SHA-256 of them) gets that answer again, marked
 * {@code Idempotent-Replayed: true}, without running the write. A repeat while the first still runs gets 409
 * {@code IDEMPOTENCY_KEY_IN_USE}; the key with another request 422 {@code IDEMPOTENCY_KEY_REUSED}; a malformed key
 * 400 {@code INVALID_IDEMPOTENCY_KEY}. Thread-safe.
 *
 * <p>Design: the key is claimed with SET NX and a lease ({@value #LEASE_MINUTES} minutes, what a server that died
 * mid-request holds it for), then replaced by the answer with the retention as TTL. Every answer of a write that
 * started is kept, failures included (also a 503 {@code COMMIT_OUTCOME_UNKNOWN}: running the write again could
 * apply it twice), so a key never runs its write twice. Only a refusal before anything started (queue full,
 * deadline, client gone: {@link ApiError#notApplied()}) releases the key, so the retry runs. The records live under
 * {@value #KEY_PREFIX} in the store.
 */
public final class IdempotentWrites {
  public static final String HEADER = "Idempotency-Key";
  static final String REPLAYED = "Idempotent-Replayed";
  static final String KEY_PREFIX = "cairn:idempotency:";
  static final int MAX_KEY_LENGTH = 255;
  private static final long LEASE_MINUTES = 5;
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:~+/=-]{1," + MAX_KEY_LENGTH + "}");
  private static final Logger LOG = LoggerFactory.getLogger(IdempotentWrites.class);
  private static final String MODULE = "cairn.server";
  private final KeyValue store;
  private final Duration retention;

  public IdempotentWrites(KeyValue store, Duration retention) {
    this.store = store;
    this.retention = retention;
  }

  /** {@code handler} with Idempotency-Key support; without the header it runs as it is. */
  public Handler wrap(Handler handler) {
    return ctx -> handle(ctx, handler);
  }

  private void handle(Context ctx, Handler handler) throws Exception {
    List<String> keys = Collections.list(ctx.req().getHeaders(HEADER));
    if (keys.isEmpty()) {
      handler.handle(ctx);
      return;
    }
    String key = keys.getFirst();
    if (keys.size() > 1 || !VALID.matcher(key).matches()) {
      throw new ApiError(400, "INVALID_IDEMPOTENCY_KEY", HEADER + " must be given once, 1 to " + MAX_KEY_LENGTH
          + " characters of A-Z a-z 0-9 . _ : ~ + / = -", MODULE, Map.of("max_length", MAX_KEY_LENGTH));
    }
    String request = fingerprint(ctx);
    String storeKey = KEY_PREFIX + key;
    Optional<JsonNode> earlier = claim(storeKey, request);
    if (earlier.isPresent()) {
      answerFrom(earlier.get(), request, ctx);
      return;
    }
    boolean applied = true;
    try {
      handler.handle(ctx);
    } catch (Exception failure) {
      applied = !(failure instanceof ApiError error && error.notApplied());
      ErrorHandling.respond(failure, ctx);
    }
    if (applied) {
      remember(storeKey, request, ctx);
    } else {
      release(storeKey);
    }
  }

  /** Takes the key for this request, or returns what it holds already. */
  private Optional<JsonNode> claim(String storeKey, String request) {
    String running = Json.write(Map.of("state", "running", "request", request));
    for (int attempt = 0; attempt < 3; attempt++) {
      if (store.set(storeKey, running, SetOptions.ifAbsent().withTtl(Duration.ofMinutes(LEASE_MINUTES)))) {
        return Optional.empty();
      }
      Optional<String> held = store.get(storeKey);
      if (held.isPresent()) {
        return Optional.of(Json.tree(held.get()));
      }
      // it expired between the two calls: claim again
    }
    throw inUse();
  }

  private static void answerFrom(JsonNode earlier, String request, Context ctx) {
    if (!request.equals(earlier.path("request").asText())) {
      throw new ApiError(422, "IDEMPOTENCY_KEY_REUSED", "this " + HEADER + " was used for a different request "
          + "(method, path or body); use a new key for a new request", MODULE, Map.of());
    }
    if (!"done".equals(earlier.path("state").asText())) {
      throw inUse();
    }
    ctx.header(REPLAYED, "true");
    ctx.status(earlier.path("status").asInt()).contentType(earlier.path("content_type").asText(Responses.JSON))
        .result(earlier.path("body").asText());
  }

  private static ApiError inUse() {
    return new ApiError(409, "IDEMPOTENCY_KEY_IN_USE", "a request with this " + HEADER + " is still running; "
        + "repeat it once that one has finished to get its answer", MODULE, Map.of());
  }

  private void remember(String storeKey, String request, Context ctx) {
    Map<String, Object> done = new LinkedHashMap<>();
    done.put("state", "done");
    done.put("request", request);
    done.put("status", ctx.statusCode());
    done.put("content_type", ctx.res().getContentType() == null ? Responses.JSON : ctx.res().getContentType());
    done.put("body", ctx.result() == null ? "" : ctx.result());
    try {
      store.set(storeKey, Json.write(done), SetOptions.ttl(retention));
    } catch (CairnException e) {
      // The write is done and answered; only its replay is lost. The lease still guards the key meanwhile.
      LOG.warn("could not keep the answer of {} {} for its {}: {} {}", ctx.method(), ctx.path(), HEADER, e.code(),
          e.getMessage());
    }
  }

  private void release(String storeKey) {
    try {
      store.delete(storeKey);
    } catch (CairnException e) {
      LOG.warn("could not release an {} (it frees itself after {} minutes): {} {}", HEADER, LEASE_MINUTES,
          e.code(), e.getMessage());
    }
  }

  private static String fingerprint(Context ctx) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      String query = ctx.queryString() == null ? "" : ctx.queryString();
      digest.update((ctx.method().name() + "\n" + ctx.req().getRequestURI() + "\n" + query + "\n")
          .getBytes(StandardCharsets.UTF_8));
      digest.update(ctx.bodyAsBytes());
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
