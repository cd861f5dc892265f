package dev.cairn.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A small HTTP client for the end-to-end tests: sends one request, returns status and body. */
final class ApiClient {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private final String base;
  private final String token;

  ApiClient(String base, String token) {
    this.base = base;
    this.token = token;
  }

  /** The server's base URL. */
  String base() {
    return base;
  }

  ApiClient withToken(String newToken) {
    return new ApiClient(base, newToken);
  }

  /** One response; {@link #json()} parses the body. */
  record Response(int status, String body, HttpHeaders headers) {
    Response(int status, String body) {
      this(status, body, HttpHeaders.of(Map.of(), (name, value) -> true));
    }

    /** The first value of a response header, or null. */
    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    JsonNode json() {
      return Json.tree(body);
    }

    String errorCode() {
      return json().path("error").path("code").asText();
    }
  }

  Response get(String path) {
    return send("GET", path, null);
  }

  Response send(String method, String path, String body) {
    return send(HTTP, method, path, body, Map.of(), null);
  }

  /** A request with extra headers, e.g. {@code Idempotency-Key}. */
  Response send(String method, String path, String body, Map<String, String> headers) {
    return send(HTTP, method, path, body, headers, null);
  }

  /** A request that fails with {@link java.net.http.HttpTimeoutException} (unchecked) after {@code timeout}. */
  Response send(String method, String path, String body, Duration timeout) {
    return send(HTTP, method, path, body, Map.of(), timeout);
  }

  Response sendOnNewConnection(String method, String path, String body) {
    try (HttpClient client = HttpClient.newHttpClient()) {
      return send(client, method, path, body, Map.of(), null);
    }
  }

  private Response send(HttpClient client, String method, String path, String body, Map<String, String> headers,
      Duration timeout) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    if (timeout != null) {
      request.timeout(timeout);
    }
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Percent-encodes one path segment or query value (spaces as %20). */
  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
