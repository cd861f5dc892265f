package dev.cairn.bench.faults.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The HTTP clients of the fault scenarios: one {@link HttpClient} (HTTP/1.1) and the answers reduced to what the
 * scenarios classify by. Thread-safe.
 */
public final class HttpCalls {
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String token;
  private final Duration timeout;

  /**
   * @param token the bearer token sent with every request
   * @param timeout how long one request may take before it counts as unanswered
   */
  public HttpCalls(String token, Duration timeout) {
    this.token = token;
    this.timeout = timeout;
  }

  /** POSTs {@code json} with an {@code Idempotency-Key} header. */
  public Answer post(URI uri, String json, String idempotencyKey) throws InterruptedException {
    return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
        .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Answer get(URI uri) throws InterruptedException {
    return send(HttpRequest.newBuilder(uri).GET());
  }

  private Answer send(HttpRequest.Builder request) throws InterruptedException {
    long start = System.nanoTime();
    try {
      HttpResponse<String> response = client.send(request.header("Authorization", "Bearer " + token)
          .timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), errorCode(response.body()),
          response.headers().firstValue("Retry-After"), response.body(), null, System.nanoTime() - start);
    } catch (IOException e) {
      return new Answer(0, "", Optional.empty(), "", e, System.nanoTime() - start);
    }
  }

  private static String errorCode(String body) {
    try {
      JsonNode code = Json.tree(body).path("error").path("code");
      return code.isTextual() ? code.asText() : "";
    } catch (RuntimeException e) {
      return "";
    }
  }

  /**
   * One answer.
   *
   * @param status the HTTP status, 0 when there was none ({@code failure} says why)
   * @param code the {@code error.code} of an error body, else empty
   * @param retryAfter the {@code Retry-After} header
   * @param failure the exception when no answer came: refused connection, reset, timeout
   * @param nanos how long the call took
   */
  public record Answer(int status, String code, Optional<String> retryAfter, String body, IOException failure,
      long nanos) {
    /** Whether the request surely never reached the server (the connection was refused). */
    public boolean neverSent() {
      return failure instanceof ConnectException || failure != null && failure.getCause() instanceof ConnectException;
    }

    /** {@code 201}, {@code 503 OVERLOADED}, or the exception's class for no answer. */
    public String describe() {
      return status == 0 ? failure.getClass().getSimpleName() : status + (code.isEmpty() ? "" : " " + code);
    }
  }
}
