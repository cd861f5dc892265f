package dev.cairn.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The admin API called directly (with the token), to set up data and to compare what the console shows. */
final class AdminApiCalls {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private final String base;
  private final String token;

  AdminApiCalls(String base, String token) {
    this.base = base;
    this.token = token;
  }

  /** The JSON of a GET that must answer 200. */
  JsonNode json(String path) {
    HttpResponse<String> response = send(request(path).GET());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return Json.tree(response.body());
  }

  /** A write with a JSON body that must answer 200. */
  void send(String method, String path, String body) {
    HttpResponse<String> response = send(request(path).header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body)));
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
  }

  /** The status of a GET. */
  int status(String path) {
    return send(request(path).GET()).statusCode();
  }

  /**
   * The CSV the console should export: every row of {@code table} matching {@code filter}, read page by page with
   * the keyset cursor, columns in schema order, RFC 4180 quoting, NULL as an empty field, CRLF line ends.
   */
  String csv(String table, String filter) {
    List<String> columns = json("/api/v1/db/tables/" + table + "/schema").path("columns").findValuesAsText("name");
    StringBuilder csv = new StringBuilder(String.join(",", columns)).append("\r\n");
    String cursor = null;
    do {
      JsonNode page = json("/api/v1/db/tables/" + table + "?page_size=7&" + filter
          + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
      for (JsonNode record : page.path("records")) {
        List<String> fields = new ArrayList<>();
        for (String column : columns) {
          JsonNode value = record.path(column);
          fields.add(value.isNull() ? "" : quote(value.asText()));
        }
        csv.append(String.join(",", fields)).append("\r\n");
      }
      cursor = page.path("next").isNull() ? null : page.path("next").asText();
    } while (cursor != null);
    return csv.toString();
  }

  private static String quote(String text) {
    return text.matches("(?s).*[\",\r\n].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
