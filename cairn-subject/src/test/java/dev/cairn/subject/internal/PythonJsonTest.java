package dev.cairn.subject.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.InvalidInputException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Expected texts are what CPython 3 prints for {@code json.dumps(value)} with default settings. */
class PythonJsonTest {

  static List<Arguments> pythonOutputs() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("a", 1);
    nested.put("b", Map.of("c", List.of(true, false)));
    return List.of(
        Arguments.of("John Doe", "\"John Doe\""),
        Arguments.of("q\"b\\s/", "\"q\\\"b\\\\s/\""),
        Arguments.of("é日本😀", "\"\\u00e9\\u65e5\\u672c\\ud83d\\ude00\""),
        Arguments.of("\u007f\u0001\n\t\r\b\f", "\"\\u007f\\u0001\\n\\t\\r\\b\\f\""),
        Arguments.of(30, "30"),
        Arguments.of(-7L, "-7"),
        Arguments.of(1.5, "1.5"),
        Arguments.of(1e16, "1e+16"),
        Arguments.of(1e15, "1000000000000000.0"),
        Arguments.of(0.0001, "0.0001"),
        Arguments.of(1e-05, "1e-05"),
        Arguments.of(123456789.123, "123456789.123"),
        Arguments.of(-0.0, "-0.0"),
        Arguments.of(100.0, "100.0"),
        Arguments.of(Double.MAX_VALUE, "1.7976931348623157e+308"),
        Arguments.of(Double.MIN_VALUE, "5e-324"),
        Arguments.of(0.1 + 0.2, "0.30000000000000004"),
        Arguments.of(Double.NaN, "NaN"),
        Arguments.of(Double.POSITIVE_INFINITY, "Infinity"),
        Arguments.of(true, "true"),
        Arguments.of(null, "null"),
        Arguments.of(BigInteger.TWO.pow(70), "1180591620717411303424"),
        Arguments.of(Arrays.asList(1, "a", Arrays.asList(2.5, null)), "[1, \"a\", [2.5, null]]"),
        Arguments.of(nested, "{\"a\": 1, \"b\": {\"c\": [true, false]}}"),
        Arguments.of(List.of(), "[]"),
        Arguments.of(Map.of(), "{}"));
  }

  @ParameterizedTest
  @MethodSource("pythonOutputs")
  void write_value_matchesPythonJsonDumps(Object value, String python) {
    assertThat(PythonJson.write(value)).isEqualTo(python);
  }

  @ParameterizedTest
  @MethodSource("pythonOutputs")
  void read_pythonText_givesNormalizedValue(Object value, String python) {
    Object read = PythonJson.read(python);
    if (value instanceof Double number && number.isNaN()) {
      assertThat((Double) read).isNaN();
    } else {
      assertThat(read).isEqualTo(Values.normalize(value));
    }
  }

  /** Texts on both sides of the byte reader's shortcuts (plain ASCII strings, integers of up to 18 digits). */
  static List<String> storedTexts() {
    return List.of("\"\"", "\"value-1\"", "\"~ \u007f\"", "\"caf\u00e9\"", "\"\u65e5\"", "\"a\\\"b\"",
        "\"\\u00e9\"", "\"tab\\there\"", "0", "-0", "7", "-42", "123456789012345678", "-123456789012345678",
        "1234567890123456789", "9223372036854775808", "1.5", "1e+16", "NaN", "-Infinity", "true", "null", "[1, 2]",
        "{\"a\": \"b\"}", "\"unterminated", "\"");
  }

  @ParameterizedTest
  @MethodSource("storedTexts")
  void readBytes_anyStoredText_sameAsReadingTheText(String text) {
    Object fromText;
    try {
      fromText = PythonJson.read(text);
    } catch (InvalidInputException e) {
      assertThatThrownBy(() -> PythonJson.read(text.getBytes(StandardCharsets.UTF_8)))
          .isInstanceOf(InvalidInputException.class).hasFieldOrPropertyWithValue("code", "INVALID_JSON");
      return;
    }
    Object fromBytes = PythonJson.read(text.getBytes(StandardCharsets.UTF_8));
    if (fromText instanceof Double number && number.isNaN()) {
      assertThat((Double) fromBytes).isNaN();
    } else if (fromText == null) {
      assertThat(fromBytes).isNull();
    } else {
      assertThat(fromBytes).isEqualTo(fromText).hasSameClassAs(fromText);
    }
  }

  @Test
  void read_compactJsonFromOtherWriters_accepted() {
    assertThat(PythonJson.read("{\"a\":[1,2.0,\"\u00e9\"]}")).isEqualTo(Map.of("a", List.of(1L, 2.0, "é")));
  }

  @Test
  void read_malformedText_invalidJson() {
    assertThatThrownBy(() -> PythonJson.read("{nope")).isInstanceOf(InvalidInputException.class)
        .hasFieldOrPropertyWithValue("code", "INVALID_JSON");
  }

  @Test
  void write_unsupportedType_unsupportedValue() {
    assertThatThrownBy(() -> PythonJson.write(new Object())).isInstanceOf(InvalidInputException.class)
        .hasFieldOrPropertyWithValue("code", "UNSUPPORTED_VALUE");
  }
}
