package dev.cairn.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.CairnException;
import dev.cairn.testkit.RedisService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A batch on a closed store fails at once with KV_CLOSED, on the default (memory) and the Redis path alike. */
class BatchClosedStoreTest {
  @RegisterExtension
  static final RedisService REDIS = new RedisService();

  @Test
  void batch_closedMemoryStore_kvClosed() {
    KeyValue store = KeyValue.open("memory:");
    store.close();

    assertClosed(store);
  }

  @Test
  void batch_closedRedisStore_kvClosed() {
    KeyValue store = KeyValue.open(REDIS.url());
    store.close();

    assertClosed(store);
  }

  private static void assertClosed(KeyValue store) {
    assertThatThrownBy(() -> store.batch(batch -> batch.set("k", "v")))
        .isInstanceOfSatisfying(CairnException.class, e -> assertThat(e.code()).isEqualTo("KV_CLOSED"));
  }
}
