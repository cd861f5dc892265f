package dev.cairn.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.StoreUrl;
import dev.cairn.testkit.RedisService;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisKeysTest {
  @RegisterExtension static final RedisService REDIS = new RedisService();

  @Test
  void deleteByPrefix_globCharactersInPrefix_deletesOnlyKeysStartingWithIt() throws IOException {
    StoreUrl url = StoreUrl.parse(REDIS.url());
    String prefix = REDIS.keyPrefix();
    List<String> kept = List.of("aX[b]?\\:1", "ab?\\:2", "a*[b]?\\", "a*b?\\:3");
    try (RespClient client = RedisType.open(url)) {
      for (String key : List.of("a*[b]?\\:1", "a*[b]?\\:2")) {
        client.call("SET", prefix + key, "deleted");
      }
      for (String key : kept) {
        client.call("SET", prefix + key, "kept");
      }

      assertThat(RedisKeys.deleteByPrefix(url, prefix + "a*[b]?\\:")).isEqualTo(2);

      assertThat(client.call("EXISTS", prefix + "a*[b]?\\:1", prefix + "a*[b]?\\:2")).isEqualTo(0L);
      for (String key : kept) {
        assertThat(client.call("GET", prefix + key)).as(key).isEqualTo("kept");
      }
    }
  }
}
