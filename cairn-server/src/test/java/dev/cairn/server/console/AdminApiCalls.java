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

  /** The JSON of a POST that must answer 200. */
  JsonNode post(String path, String body) {
    HttpResponse<String> response = send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return Json.tree(response.body());
  }

  /** A GET, whatever it answers. */
  HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  /** The status of a GET. */
  int status(String path) {
    return send(request(path).GET()).statusCode();
  }

  /**
   * The CSV the export route should answer: every row of {@code table} matching {@code view} (filters and sort as
   * query parameters), read page by page with the keyset cursor, columns in schema order, RFC 4180 quoting, NULL
   * as an empty field, an empty text as {@code ""}, text starting with = + - @ prefixed with ', CRLF line ends.
   */
  String csv(String table, String view) {
    List<String> columns = json("/api/v1/db/tables/" + table + "/schema").path("columns").findValuesAsText("name");
    StringBuilder csv = new StringBuilder(String.join(",", columns.stream().map(AdminApiCalls::field).toList()))
        .append("\r\n");
    for (JsonNode record : records(table, view)) {
      List<String> fields = new ArrayList<>();
      for (String column : columns) {
        JsonNode value = record.path(column);
        fields.add(value.isNull() ? "" : value.isTextual() ? field(value.asText()) : field(value.toString(), false));
      }
      csv.append(String.join(",", fields)).append("\r\n");
    }
    return csv.toString();
  }

  /** Every record of the view, the pages of the rows route (7 rows each) concatenated. */
  List<JsonNode> records(String table, String view) {
    List<JsonNode> records = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page = json("/api/v1/db/tables/" + table + "?page_size=7&" + view
          + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
      page.path("records").forEach(records::add);
      cursor = page.path("next").isNull() ? null : page.path("next").asText();
    } while (cursor != null);
    return records;
  }

  /** A GET answered as it comes (status, headers, body stream); the caller closes the body. */
  HttpResponse<java.io.InputStream> stream(String path) {
    try {
      return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String field(String text) {
    return field(text, true);
  }

  private static String field(String text, boolean isText) {
    String shown = isText && text.matches("(?s)[=+\\-@\t\r].*") ? "'" + text : text;
    return shown.isEmpty() || shown.matches("(?s).*[\",\r\n].*") ? "\"" + shown.replace("\"", "\"\"") + "\"" : shown;
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    return token.isEmpty() ? request : request.header("Authorization", "Bearer " + token);
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
