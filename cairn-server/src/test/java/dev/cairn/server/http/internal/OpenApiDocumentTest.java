package dev.cairn.server.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.cairn.core.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document itself, read by swagger-parser (the parser of the Swagger tools and openapi-generator): valid
 * OpenAPI 3.1 without a single message, and complete enough to generate a client from.
 */
class OpenApiDocumentTest {
  static final int MAX_PAGE_SIZE = 500;
  static final String JSON = new OpenApiDocument("test", MAX_PAGE_SIZE).json();

  static OpenAPI parsed() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(JSON, null, options);
    assertThat(result.getMessages()).as("swagger-parser's messages").isEmpty();
    assertThat(result.getOpenAPI()).isNotNull();
    return result.getOpenAPI();
  }

  /** The parser really checks: a reference to a schema that does not exist and a bad parameter are reported. */
  @Test
  void parse_brokenDocument_messages() {
    String broken = JSON.replace("\"#/components/schemas/RowPage\"", "\"#/components/schemas/Nope\"")
        .replaceFirst("\"in\":\"query\"", "\"in\":\"nowhere\"");
    assertThat(broken).isNotEqualTo(JSON);
    ParseOptions options = new ParseOptions();
    options.setResolve(true);

    List<String> messages = new OpenAPIV3Parser().readContents(broken, null, options).getMessages();

    assertThat(messages).anySatisfy(message -> assertThat(message).contains("Nope"))
        .anySatisfy(message -> assertThat(message).contains("[db].in is not of type"));
  }

  /** Every operation as "METHOD path" to the parsed operation. */
  static Map<String, Operation> operations(OpenAPI api) {
    Map<String, Operation> operations = new java.util.TreeMap<>();
    api.getPaths().forEach((path, item) -> item.readOperationsMap()
        .forEach((method, operation) -> operations.put(method + " " + path, operation)));
    return operations;
  }

  @Test
  void parse_openApi31_noMessages() {
    OpenAPI api = parsed();

    assertThat(api.getSpecVersion()).isEqualTo(SpecVersion.V31);
    assertThat(api.getOpenapi()).isEqualTo("3.1.0");
    assertThat(api.getServers()).isNotEmpty();
    assertThat(api.getComponents().getSecuritySchemes().get("bearer").getScheme()).isEqualTo("bearer");
    assertThat(operations(api)).hasSize(OpenApiDocument.operations(MAX_PAGE_SIZE).size()).hasSizeGreaterThan(30);
  }

  @Test
  void operations_uniqueOperationIdsTagsAndA2xxSchemaEach() {
    Set<String> ids = new HashSet<>();
    operations(parsed()).forEach((name, operation) -> {
      assertThat(operation.getOperationId()).as(name).matches("[a-z][A-Za-z]+");
      assertThat(ids.add(operation.getOperationId())).as("unique operationId of " + name).isTrue();
      assertThat(operation.getTags()).as(name).hasSize(1);
      List<ApiResponse> successes = new ArrayList<>();
      operation.getResponses().forEach((status, response) -> {
        if (status.startsWith("2")) {
          successes.add(response);
        }
      });
      assertThat(successes).as(name + " 2xx").isNotEmpty();
      successes.forEach(response -> assertThat(response.getContent()).as(name + " 2xx content").isNotEmpty()
          .allSatisfy((type, media) -> assertThat(media.getSchema()).as(name + " " + type).isNotNull()));
      assertThat(operation.getResponses()).as(name).containsKeys("403", "default");
    });
  }

  @Test
  void writes_haveJsonRequestBodiesAndTheirErrors() {
    operations(parsed()).forEach((name, operation) -> {
      if (name.startsWith("POST") || name.startsWith("PUT") || name.startsWith("PATCH")) {
        assertThat(operation.getRequestBody()).as(name).isNotNull();
        assertThat(operation.getRequestBody().getContent().get(Responses.JSON).getSchema()).as(name).isNotNull();
        assertThat(operation.getResponses()).as(name).containsKeys("400", "401", "413");
      }
      if (name.startsWith("GET /api/v1/db/") || name.startsWith("POST /api/v1/db/")) {
        assertThat(operation.getResponses()).as(name).containsKeys("404", "503");
      }
    });
  }

  @Test
  void securedOperations_401_openOnes_noSecurity() {
    operations(parsed()).forEach((name, operation) -> {
      boolean open = name.equals("GET /health") || name.equals("GET /") || name.startsWith("GET /console/");
      assertThat(operation.getResponses().containsKey("401")).as(name).isEqualTo(!open);
      if (open) {
        assertThat(operation.getSecurity()).as(name).isEmpty();
      }
    });
  }

  @Test
  void parameters_typed_pageAndPageSizeIntegersWithBounds() {
    Map<String, Operation> operations = operations(parsed());
    Map<String, Parameter> rows = new java.util.HashMap<>();
    operations.get("GET /api/v1/db/tables/{table}").getParameters().forEach(p -> rows.put(p.getName(), p));

    assertThat(types(rows.get("page"))).containsExactly("integer");
    assertThat(rows.get("page").getSchema().getMinimum()).isEqualByComparingTo("1");
    assertThat(types(rows.get("page_size"))).containsExactly("integer");
    assertThat(rows.get("page_size").getSchema().getMaximum()).isEqualByComparingTo(String.valueOf(MAX_PAGE_SIZE));
    assertThat(rows.get("page_size").getSchema().getDefault()).isEqualTo(20);
    assertThat(rows.get("table").getRequired()).isTrue();
    Parameter ext = operations.get("PUT /api/v1/subjects/{name}/{property}").getParameters().stream()
        .filter(p -> "ext".equals(p.getName())).findFirst().orElseThrow();
    assertThat(types(ext)).containsExactly("boolean");
    Parameter limit = operations.get("GET /api/v1/kv/keys").getParameters().stream()
        .filter(p -> "limit".equals(p.getName())).findFirst().orElseThrow();
    assertThat(types(limit)).containsExactly("integer");
  }

  private static Set<String> types(Parameter parameter) {
    io.swagger.v3.oas.models.media.Schema<?> schema = parameter.getSchema();
    return schema.getTypes();
  }

  @Test
  void errorResponses_referenceTheErrorSchema_503CarriesRetryAfter() {
    JsonNode document = Json.tree(JSON);
    document.path("components").path("responses").properties().forEach(response ->
        assertThat(response.getValue().path("content").path(Responses.JSON).path("schema").path("$ref").asText())
            .as(response.getKey()).isEqualTo("#/components/schemas/Error"));
    assertThat(document.path("components").path("responses").path("Unavailable").path("headers")
        .has("Retry-After")).isTrue();
    JsonNode error = document.path("components").path("schemas").path("Error");
    assertThat(error.path("required").toString()).contains("success", "error");
    assertThat(error.path("additionalProperties").asBoolean(true)).isFalse();
  }

  /** Each shared schema is itself a valid JSON Schema 2020-12 (OpenAPI 3.1's), checked against the meta-schema. */
  @Test
  void componentSchemas_validJsonSchema202012() {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    Schema metaSchema = registry.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    JsonNode schemas = Json.tree(JSON).path("components").path("schemas");
    assertThat(schemas.size()).isGreaterThan(30);
    schemas.properties().forEach(schema -> assertThat(metaSchema.validate(schema.getValue()))
        .as(schema.getKey()).isEmpty());
  }

  /**
   * A shape the server closes is described closed: every object schema among the components that is not a map of
   * names the caller chooses (rows, properties, metadata) has {@code additionalProperties: false}, so a field the
   * server adds without documenting it fails the response tests.
   */
  @Test
  void responseObjects_closed() {
    Set<String> maps = Set.of("Row", "Metadata", "Metric");
    Json.tree(JSON).path("components").path("schemas").properties().forEach(schema -> {
      if (!maps.contains(schema.getKey())) {
        assertThat(schema.getValue().path("additionalProperties").isBoolean()).as(schema.getKey()).isTrue();
        assertThat(schema.getValue().path("additionalProperties").asBoolean()).as(schema.getKey()).isFalse();
      }
    });
  }
}
