package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchLinesTest {

  @Test
  void toJson_resultLine_nameAndTypedFigures() {
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("name", "sql.insert");
    expected.put("cairn", 1234L);
    expected.put("jdbc", 1300L);
    expected.put("ratio", 0.95);
    expected.put("integrity", "ok");
    assertThat(BenchLines.toJson("sql.insert cairn=1234 jdbc=1300 ratio=0.95 integrity=ok")).isEqualTo(expected);
  }

  @Test
  void toJson_lineWithoutFigures_keptAsText() {
    assertThat(BenchLines.toJson("warming up")).isEqualTo(Map.of("line", "warming up"));
  }

  @Test
  void stream_json_printsOneJsonObjectPerLine() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = BenchLines.stream(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
    out.println("kv.get cairn=10 lettuce=20");
    assertThat(bytes.toString(StandardCharsets.UTF_8).strip())
        .isEqualTo("{\"name\":\"kv.get\",\"cairn\":10,\"lettuce\":20}");
  }

  @Test
  void benchFaults_json_printsItsLineAsJson() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Terminal terminal = new Terminal(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    String work = Path.of(System.getenv().getOrDefault("CAIRN_BUILD_DIR", "target"), "cairn-faults-json").toString();

    int code = CairnCli.run(new String[] {"bench", "faults", "--scenario", "sqlite_kill9", "--duration", "1s",
        "--work-dir", work, "--json"}, terminal);

    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    var json = Json.tree(out.toString(StandardCharsets.UTF_8).strip());
    assertThat(json.get("name").asText()).isEqualTo("fault.sqlite_kill9");
    assertThat(json.get("lost").asLong()).isZero();
  }
}
