package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code vector} commands on the embedded store in a directory: data outlives each command. */
class VectorCommandsTest {
  @TempDir
  Path directory;

  private CliRun run(String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--vectors";
    all[args.length + 1] = "vector:" + directory.resolve("vectors");
    return CliRun.of(all);
  }

  @Test
  void createUpsertSearchDelete_acrossRuns() {
    assertThat(run("vector", "collections", "--create", "docs", "--dimension", "3").code()).isZero();
    assertThat(run("vector", "upsert", "docs", "a", "[1,0,0]", "--metadata", "{\"lang\":\"en\"}").code()).isZero();
    assertThat(run("vector", "upsert", "docs", "b", "[0,1,0]", "--metadata", "{\"lang\":\"de\"}").code()).isZero();

    CliRun search = run("vector", "search", "docs", "[1,0.1,0]", "-k", "2", "--json");
    CliRun filtered = run("vector", "search", "docs", "[1,0.1,0]", "--where", "{\"lang\":\"de\"}", "--json");
    CliRun listed = run("vector", "collections", "--json");

    JsonNode matches = Json.tree(search.out()).path("matches");
    assertThat(matches).hasSize(2);
    assertThat(matches.get(0).path("id").asText()).isEqualTo("a");
    assertThat(matches.get(0).path("metadata").path("lang").asText()).isEqualTo("en");
    assertThat(Json.tree(filtered.out()).path("matches")).hasSize(1);
    assertThat(Json.tree(listed.out()).path("collections").get(0).path("count").asInt()).isEqualTo(2);

    assertThat(run("vector", "delete", "docs", "a").outLines()).containsExactly("deleted a");
    CliRun again = run("vector", "delete", "docs", "a");
    assertThat(again.code()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(again.err()).contains("VECTOR_NOT_FOUND");
  }

  @Test
  void upsert_wrongDimension_failsWithCode() {
    run("vector", "collections", "--create", "docs", "--dimension", "3");

    CliRun wrong = run("vector", "upsert", "docs", "a", "[1,0]");

    assertThat(wrong.code()).isNotZero();
    assertThat(wrong.err()).contains("WRONG_DIMENSION");
    assertThat(run("vector", "collections").outLines()).anySatisfy(line -> assertThat(line).contains("docs")
        .endsWith("0"));
  }
}
