package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.kv.KeyValue;
import dev.cairn.kv.SetOptions;
import dev.cairn.kv.Ttl;
import dev.cairn.testkit.RedisService;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code kv} commands against a real Redis, each run a separate store as in separate processes. */
class KvCommandsRedisTest {
  @RegisterExtension
  static final RedisService REDIS = new RedisService();

  private CliRun cairn(String... args) {
    String[] withStore = new String[args.length + 4];
    System.arraycopy(args, 0, withStore, 0, args.length);
    withStore[args.length] = "--kv";
    withStore[args.length + 1] = REDIS.url();
    withStore[args.length + 2] = "--prefix";
    withStore[args.length + 3] = REDIS.keyPrefix();
    return CliRun.of(withStore);
  }

  private static KeyValue store() {
    return KeyValue.open(REDIS.url());
  }

  @AfterEach
  void deleteKeys() {
    try (KeyValue kv = store()) {
      kv.withPrefix(REDIS.keyPrefix()).deletePrefix("");
    }
  }

  @Test
  void setThenGet_sameValueInALaterRun() {
    CliRun set = cairn("kv", "set", "greeting", "hello world");
    CliRun get = cairn("kv", "get", "greeting");

    assertThat(set.code()).isZero();
    assertThat(set.outLines()).containsExactly("OK");
    assertThat(get.code()).isZero();
    assertThat(get.outLines()).containsExactly("hello world");
    assertThat(get.err()).isEmpty();
    try (KeyValue kv = store()) {
      assertThat(kv.get(REDIS.keyPrefix() + "greeting")).contains("hello world");
    }
  }

  @Test
  void set_withTtl_expiresOnTheServer() {
    CliRun run = cairn("kv", "set", "session", "abc", "--ttl", "30s");

    assertThat(run.code()).isZero();
    try (KeyValue kv = store()) {
      Ttl ttl = kv.ttl(REDIS.keyPrefix() + "session");
      assertThat(ttl.state()).isEqualTo(Ttl.State.EXPIRING);
      assertThat(ttl.remaining()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30));
    }
  }

  @Test
  void set_badTtl_usageErrorAndNothingWritten() {
    CliRun run = cairn("kv", "set", "session", "abc", "--ttl", "soon");

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.errLines()).singleElement().asString().contains("'--ttl'", "'soon' is not a duration");
    try (KeyValue kv = store()) {
      assertThat(kv.exists(REDIS.keyPrefix() + "session")).isFalse();
    }
  }

  @Test
  void get_json_carriesEncodingAndTtl() {
    cairn("kv", "set", "k", "v", "--ttl", "1h");

    CliRun run = cairn("kv", "get", "k", "--json");

    JsonNode value = run.json();
    assertThat(value.get("key").asText()).isEqualTo("k");
    assertThat(value.get("value").asText()).isEqualTo("v");
    assertThat(value.get("encoding").asText()).isEqualTo("utf-8");
    assertThat(value.get("bytes").asInt()).isEqualTo(1);
    assertThat(value.get("ttl_ms").asLong()).isPositive();
  }

  @Test
  void get_missingKey_notFoundOnOneLine() {
    CliRun run = cairn("kv", "get", "absent");

    assertThat(run.code()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(run.errLines()).containsExactly("cairn: no value at key 'absent' [KEY_NOT_FOUND]");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void get_binaryValue_shownAsBase64() {
    byte[] bytes = {0, (byte) 0xff, 0x10, (byte) 0xc3};
    try (KeyValue kv = store()) {
      kv.withPrefix(REDIS.keyPrefix()).setBytes("blob", bytes, SetOptions.always());
    }

    CliRun run = cairn("kv", "get", "blob");

    assertThat(run.outLines()).containsExactly("base64:" + Base64.getEncoder().encodeToString(bytes));
  }

  @Test
  void get_longValueWithControlCharacters_escapedAndCut() {
    cairn("kv", "set", "long", "\u001b[2J" + "y".repeat(50));

    CliRun run = cairn("kv", "get", "long", "--max-length", "20");

    assertThat(run.outLines()).containsExactly("\\u001b[2J" + "y".repeat(16) + "... [34 more chars]");
  }

  @Test
  void get_hash_fieldsAsTable() {
    try (KeyValue kv = store()) {
      kv.withPrefix(REDIS.keyPrefix()).hashSet("s:user-1", Map.of("pname", "\"Ada\"", "page", "36"));
    }

    CliRun run = cairn("kv", "get", "s:user-1");

    assertThat(run.code()).isZero();
    assertThat(run.outLines()).containsExactly("field  value", "-----  -----", "page   36", "pname  \"Ada\"");
  }

  @Test
  void get_hashJson_fieldsObject() {
    try (KeyValue kv = store()) {
      kv.withPrefix(REDIS.keyPrefix()).hashSet("h", Map.of("f", "v"));
    }

    CliRun run = cairn("kv", "get", "h", "--json");

    assertThat(run.out()).isEqualTo("{\"success\":true,\"key\":\"h\",\"type\":\"hash\",\"fields\":{\"f\":\"v\"}}"
        + System.lineSeparator());
  }

  @Test
  void get_raw_exactBytes() {
    cairn("kv", "set", "multi", "line one\nline two");

    CliRun run = cairn("kv", "get", "multi", "--raw");

    assertThat(run.out()).isEqualTo("line one\nline two");
  }

  @Test
  void del_existingAndMissing_countsTheExisting() {
    cairn("kv", "set", "a", "1");
    cairn("kv", "set", "b", "2");

    CliRun run = cairn("kv", "del", "a", "b", "c");

    assertThat(run.outLines()).containsExactly("deleted 2");
    assertThat(cairn("kv", "get", "a").code()).isEqualTo(ExitCodes.NOT_FOUND);
  }

  @Test
  void keys_pattern_sortedKeysWithoutPrefix() {
    cairn("kv", "set", "user:2", "x");
    cairn("kv", "set", "user:1", "x");
    cairn("kv", "set", "order:1", "x");

    CliRun run = cairn("kv", "keys", "user:*");

    assertThat(run.code()).isZero();
    assertThat(run.outLines()).containsExactly("user:1", "user:2");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void keys_moreThanLimit_boundedOutputAndNotice() {
    try (KeyValue kv = store()) {
      KeyValue view = kv.withPrefix(REDIS.keyPrefix());
      IntStream.range(0, 25).forEach(i -> view.set("many:" + i, "v"));
    }

    CliRun run = cairn("kv", "keys", "many:*", "--limit", "10");

    assertThat(run.code()).isZero();
    // A Redis scan step ends at a hash bucket, so it may add a key or two past the limit.
    assertThat(run.outLines()).hasSizeBetween(10, 15).allSatisfy(key -> assertThat(key).startsWith("many:"));
    assertThat(run.errLines()).singleElement().asString().contains("more keys may match: add --cursor ");
  }

  @Test
  void keys_json_listsKeysAndNoNext() {
    cairn("kv", "set", "only", "x");

    CliRun run = cairn("kv", "keys", "--json");

    assertThat(run.out()).isEqualTo("{\"success\":true,\"keys\":[\"only\"],\"next\":null}" + System.lineSeparator());
  }

  @Test
  void keys_limitZero_usageError() {
    CliRun run = cairn("kv", "keys", "--limit", "0");

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.errLines()).singleElement().asString().startsWith("cairn: --limit must be between 1 and");
  }
}
