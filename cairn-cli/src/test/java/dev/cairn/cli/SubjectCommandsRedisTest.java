package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.Json;
import dev.cairn.kv.KeyValue;
import dev.cairn.testkit.RedisService;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code subject} commands on a real Redis, checked against the raw KRules layout (hash s:<prefix><name>). */
class SubjectCommandsRedisTest {
  @RegisterExtension
  static final RedisService REDIS = new RedisService();

  private static String hashKey(String subject) {
    return "s:" + REDIS.keyPrefix() + subject;
  }

  private CliRun cairn(String... args) {
    String[] withStore = new String[args.length + 4];
    System.arraycopy(args, 0, withStore, 0, args.length);
    withStore[args.length] = "--kv";
    withStore[args.length + 1] = REDIS.url();
    withStore[args.length + 2] = "--prefix";
    withStore[args.length + 3] = REDIS.keyPrefix();
    return CliRun.of(withStore);
  }

  @AfterEach
  void deleteSubjects() {
    try (KeyValue kv = KeyValue.open(REDIS.url())) {
      kv.deletePrefix("s:" + REDIS.keyPrefix());
    }
  }

  @Test
  void get_subjectWrittenInKrulesLayout_printedAsJson() {
    try (KeyValue kv = KeyValue.open(REDIS.url())) {
      kv.hashSet(hashKey("user-123"), Map.of("pemail", "\"john@example.com\"", "plogins", "3",
          "ptags", "[\"a\", \"b\"]", "elast_seen", "\"2024-05-01\""));
    }

    CliRun run = cairn("subject", "get", "user-123");

    assertThat(run.code()).isZero();
    JsonNode subject = run.json();
    assertThat(subject.get("subject").asText()).isEqualTo("user-123");
    assertThat(subject.get("properties").get("email").asText()).isEqualTo("john@example.com");
    assertThat(subject.get("properties").get("logins").asLong()).isEqualTo(3);
    assertThat(subject.get("properties").get("tags").toString()).isEqualTo("[\"a\",\"b\"]");
    assertThat(subject.get("properties")).hasSize(3);
    assertThat(subject.get("ext_properties").get("last_seen").asText()).isEqualTo("2024-05-01");
  }

  @Test
  void set_jsonAndTextValues_storedAsKrulesJson() {
    CliRun number = cairn("subject", "set", "user-1", "age", "36");
    CliRun word = cairn("subject", "set", "user-1", "name", "Ada");
    CliRun forcedText = cairn("subject", "set", "user-1", "code", "36", "--text");
    CliRun object = cairn("subject", "set", "user-1", "address", "{\"city\": \"London\"}");

    assertThat(number.code()).isZero();
    assertThat(word.code()).isZero();
    assertThat(forcedText.code()).isZero();
    assertThat(object.code()).isZero();
    try (KeyValue kv = KeyValue.open(REDIS.url())) {
      Map<String, String> fields = kv.hashGetAll(hashKey("user-1"));
      assertThat(fields).containsEntry("page", "36").containsEntry("pname", "\"Ada\"")
          .containsEntry("pcode", "\"36\"").containsKey("paddress");
      assertThat(Json.tree(fields.get("paddress")).get("city").asText()).isEqualTo("London");
    }
  }

  @Test
  void set_existingProperty_printsPreviousValue() {
    cairn("subject", "set", "user-2", "logins", "1");

    CliRun run = cairn("subject", "set", "user-2", "logins", "2");

    assertThat(run.out()).isEqualTo("{\"success\":true,\"subject\":\"user-2\",\"property\":\"logins\",\"value\":2,\"previous\":1,"
        + "\"existed\":true}" + System.lineSeparator());
  }

  @Test
  void set_textThatStartsLikeJson_storedAsText() {
    cairn("subject", "set", "user-3", "note", "36 apples");

    try (KeyValue kv = KeyValue.open(REDIS.url())) {
      assertThat(kv.hashGet(hashKey("user-3"), "pnote")).contains("\"36 apples\"");
    }
  }

  @Test
  void set_ext_writesExtendedField() {
    CliRun run = cairn("subject", "set", "user-4", "last_login", "\"2024-01-01\"", "--ext");

    assertThat(run.code()).isZero();
    try (KeyValue kv = KeyValue.open(REDIS.url())) {
      assertThat(kv.hashGetAll(hashKey("user-4"))).containsOnlyKeys("elast_login");
    }
    assertThat(cairn("subject", "get", "user-4").json().get("ext_properties").get("last_login").asText())
        .isEqualTo("2024-01-01");
  }

  // Issue 10: NaN and Infinity (Python writes them bare) were printed as JSON strings, a lone surrogate as '?'.
  @Test
  void get_pythonNonFiniteNumbersAndLoneSurrogate_printedAsJsonDumpsWould() {
    try (KeyValue kv = KeyValue.open(REDIS.url())) {
      kv.hashSet(hashKey("py-1"), Map.of("pnan", "NaN", "pinf", "Infinity", "pninf", "-Infinity",
          "plone", "\"a\\ud800b\"", "ppair", "\"\\ud83d\\ude00\""));
    }

    CliRun run = cairn("subject", "get", "py-1");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("\"nan\":NaN", "\"inf\":Infinity", "\"ninf\":-Infinity",
        "\"lone\":\"a\\ud800b\"", "\"pair\":\"\uD83D\uDE00\"").doesNotContain("?");
  }

  @Test
  void get_missingSubject_notFoundOnOneLine() {
    CliRun run = cairn("subject", "get", "nobody");

    assertThat(run.code()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(run.errLines()).singleElement().asString()
        .startsWith("cairn: subject 'nobody' has no properties in redis://").endsWith("[SUBJECT_NOT_FOUND]");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void del_property_deletedAndPreviousPrinted() {
    cairn("subject", "set", "user-5", "age", "36");
    cairn("subject", "set", "user-5", "name", "Ada");
    cairn("subject", "set", "user-5", "seen", "1", "--ext");

    CliRun property = cairn("subject", "del", "user-5", "age");
    CliRun extended = cairn("subject", "del", "user-5", "seen", "--ext", "--json");

    assertThat(property.code()).as(property.err()).isZero();
    assertThat(property.json().get("property").asText()).isEqualTo("age");
    assertThat(property.json().get("previous").asLong()).isEqualTo(36);
    assertThat(extended.code()).as(extended.err()).isZero();
    assertThat(extended.json().get("previous").asLong()).isEqualTo(1);
    try (KeyValue kv = KeyValue.open(REDIS.url())) {
      assertThat(kv.hashGetAll(hashKey("user-5"))).containsOnlyKeys("pname");
    }
    CliRun missing = cairn("subject", "del", "user-5", "age");
    assertThat(missing.code()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(missing.errLines()).singleElement().asString().endsWith("[PROPERTY_NOT_FOUND]");
  }

  @Test
  void del_wholeSubject_goneAndWhatItHeldPrinted() {
    cairn("subject", "set", "user-6", "age", "36");
    cairn("subject", "set", "user-6", "seen", "true", "--ext");

    CliRun run = cairn("subject", "del", "user-6");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.json().get("deleted").get("properties").get("age").asLong()).isEqualTo(36);
    assertThat(run.json().get("deleted").get("ext_properties").get("seen").asBoolean()).isTrue();
    try (KeyValue kv = KeyValue.open(REDIS.url())) {
      assertThat(kv.hashGetAll(hashKey("user-6"))).isEmpty();
    }
    CliRun again = cairn("subject", "del", "user-6");
    assertThat(again.code()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(again.errLines()).singleElement().asString().endsWith("[SUBJECT_NOT_FOUND]");
  }

  @Test
  void json_everySubjectCommand_acceptsTheFlag() {
    assertThat(cairn("subject", "set", "user-7", "n", "1", "--json").json().get("value").asLong()).isEqualTo(1);
    assertThat(cairn("subject", "get", "user-7", "--json").json().get("properties").get("n").asLong())
        .isEqualTo(1);
    assertThat(cairn("subject", "del", "user-7", "--json").code()).isZero();
  }
}
