package dev.cairn.subject.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.kv.KeyValue;
import dev.cairn.kv.spi.RedisAccess;
import dev.cairn.subject.Subject;
import dev.cairn.subject.SubjectStorages;
import dev.cairn.subject.Subjects;
import dev.cairn.subject.Write;
import dev.cairn.testkit.RedisService;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * KRules' Redis layout, checked with raw Lettuce commands as a Python KRules service would see it: a hash at
 * {@code s:} + prefix + name, fields {@code p}/{@code e} + name, values as Python's {@code json.dumps} wrote them
 * (the expected texts below are CPython's output).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisLayoutTest {
  @RegisterExtension static final RedisService REDIS = new RedisService();

  /** Field to value as Python's KRules writes it. */
  private static final Map<String, String> PYTHON_FIELDS = pythonFields();

  private KeyValue kv;
  private RedisAccess raw;
  private Subjects subjects;

  private static Map<String, String> pythonFields() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("pname", "\"John Doe\"");
    fields.put("page", "30");
    fields.put("pscore", "1.5");
    fields.put("pbig", "1e+16");
    fields.put("pactive", "true");
    fields.put("pnothing", "null");
    fields.put("pquote", "\"say \\\"hi\\\" C:\\\\temp\"");
    fields.put("pcity", "\"Z\\u00fcrich \\u65e5\\u672c \\ud83d\\ude00\"");
    fields.put("ptags", "[\"a\", 1, 2.5, null, false]");
    fields.put("pprofile", "{\"city\": \"Z\\u00fcrich\", \"geo\": {\"lat\": 47.37, \"tags\": [1, 2]}}");
    fields.put("elastlogin", "\"2024-01-01T12:00:00\"");
    return fields;
  }

  private static Map<String, Object> expectedProperties() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("name", "John Doe");
    values.put("age", 30L);
    values.put("score", 1.5);
    values.put("big", 1e16);
    values.put("active", true);
    values.put("nothing", null);
    values.put("quote", "say \"hi\" C:\\temp");
    values.put("city", "Zürich 日本 😀");
    values.put("tags", Arrays.asList("a", 1L, 2.5, null, false));
    // insertion-ordered, as a Python dict: json.dumps keeps that order
    Map<String, Object> geo = new LinkedHashMap<>();
    geo.put("lat", 47.37);
    geo.put("tags", List.of(1L, 2L));
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("city", "Zürich");
    profile.put("geo", geo);
    values.put("profile", profile);
    return values;
  }

  @BeforeAll
  void open() {
    kv = KeyValue.open(REDIS.url());
    raw = RedisAccess.of(kv).orElseThrow();
    subjects = Subjects.on(SubjectStorages.redis(kv, REDIS.keyPrefix()));
  }

  @AfterAll
  void close() {
    raw.call("DEL", commands -> commands.del(key("python-user"), key("cairn-user"), key("counter-user"),
        "s:" + prefixWithoutColon() + "user-123"));
    subjects.close();
    kv.close();
  }

  @Test
  void load_writtenByPython_readsEveryShape() {
    Map<String, byte[]> fields = new LinkedHashMap<>();
    PYTHON_FIELDS.forEach((field, text) -> fields.put(field, bytes(text)));
    raw.call("HSET", commands -> commands.hset(key("python-user"), fields));

    Subject subject = subjects.get("python-user");
    assertThat(subject.toMap()).isEqualTo(expectedProperties());
    assertThat(subject.extProps()).isEqualTo(Map.of("lastlogin", "2024-01-01T12:00:00"));
  }

  @Test
  void store_readWithRawCommands_fieldsAndJsonTextByteForByte() {
    Subject subject = subjects.get("cairn-user");
    expectedProperties().forEach(subject::set);
    subject.setExt("lastlogin", "2024-01-01T12:00:00");
    subject.store();

    assertThat(hgetall(key("cairn-user"))).isEqualTo(new TreeMap<>(PYTHON_FIELDS));
    long ttl = raw.call("TTL", commands -> commands.ttl(key("cairn-user")));
    assertThat(ttl).as("no TTL").isEqualTo(-1L);
  }

  @Test
  void increment_direct_leavesJsonIntegerText() {
    Subject subject = subjects.get("counter-user");
    subject.set("visits", 41, Write.DIRECT);
    subject.increment("visits", 1, Write.DIRECT);
    assertThat(hgetall(key("counter-user"))).isEqualTo(Map.of("pvisits", "42"));
  }

  @Test
  void key_prefixWithoutSeparator_noSeparatorAdded() {
    try (Subjects plain = Subjects.on(SubjectStorages.redis(kv, prefixWithoutColon()))) {
      plain.get("user-123").set("name", "John Doe", Write.DIRECT);
    }
    assertThat(hgetall("s:" + prefixWithoutColon() + "user-123")).isEqualTo(Map.of("pname", "\"John Doe\""));
  }

  private static String key(String subject) {
    return "s:" + REDIS.keyPrefix() + subject;
  }

  private static String prefixWithoutColon() {
    String prefix = REDIS.keyPrefix();
    return prefix.substring(0, prefix.length() - 1);
  }

  private Map<String, String> hgetall(String key) {
    Map<String, String> text = new TreeMap<>();
    raw.call("HGETALL", commands -> commands.hgetall(key))
        .forEach((field, value) -> text.put(field, new String(value, StandardCharsets.UTF_8)));
    return text;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
