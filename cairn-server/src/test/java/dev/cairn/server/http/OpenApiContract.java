package dev.cairn.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import dev.cairn.core.Json;
import dev.cairn.server.http.ApiClient.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks real responses against the served OpenAPI 3.1 document: the status must be documented for the operation
 * (or fall under its {@code default}), the content type must be one the response lists, and a JSON body must
 * validate against the response's schema with networknt's JSON Schema validator in OpenAPI 3.1's dialect (JSON
 * Schema 2020-12), {@code $ref}s to {@code components} resolved. Closed schemas ({@code additionalProperties: false})
 * make an undocumented field an error.
 *
 * <p>Why not swagger-request-validator: it reads OpenAPI 3.0 only (its schema checks are JSON Schema draft 4), and
 * serving the document as 3.0.3 would lose the 3.1 type lists ({@code ["string", "null"]}) that say which fields
 * may be null. The 2020-12 validator checks the document exactly as served.
 */
final class OpenApiContract {
  private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31());
  private final JsonNode document;

  OpenApiContract(JsonNode document) {
    this.document = document;
  }

  /** What is wrong with {@code response} as an answer of the operation {@code method template}; empty if nothing. */
  List<String> problems(String method, String template, Response response) {
    String operationName = method + " " + template + " -> " + response.status();
    JsonNode operation = document.path("paths").path(template).path(method.toLowerCase(Locale.ROOT));
    if (operation.isMissingNode()) {
      return List.of(operationName + ": no such operation in the document");
    }
    JsonNode documented = operation.path("responses").path(Integer.toString(response.status()));
    if (documented.isMissingNode()) {
      if (response.status() < 500) {
        return List.of(operationName + ": status not documented (body " + response.body() + ")");
      }
      documented = operation.path("responses").path("default");
    }
    documented = resolve(documented);
    String contentType = response.header("Content-Type");
    String mediaType = contentType == null ? "" : contentType.split(";")[0].strip();
    JsonNode media = documented.path("content").path(mediaType);
    if (media.isMissingNode()) {
      return List.of(operationName + ": content type " + contentType + " not documented, only "
          + documented.path("content"));
    }
    if (!mediaType.equals("application/json")) {
      return List.of();
    }
    ObjectNode schema = ((ObjectNode) media.path("schema")).deepCopy();
    schema.set("components", document.path("components"));
    List<String> problems = new ArrayList<>();
    for (Error error : SCHEMAS.getSchema(schema).validate(Json.tree(response.body()))) {
      problems.add(operationName + ": " + error.getInstanceLocation() + " " + error.getMessage());
    }
    return problems;
  }

  private JsonNode resolve(JsonNode node) {
    String ref = node.path("$ref").asText("");
    if (ref.isEmpty()) {
      return node;
    }
    return document.at(ref.substring(1));
  }
}
