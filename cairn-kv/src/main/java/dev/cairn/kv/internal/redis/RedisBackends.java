package dev.cairn.kv.internal.redis;

import dev.cairn.core.CairnException;
import dev.cairn.core.StoreUrl;
import dev.cairn.kv.KeyValueOptions;
import dev.cairn.kv.internal.Backend;

/** Connects the Redis backend for a URL. Work in progress: the Lettuce backend lands in the next commit. */
public final class RedisBackends {
  private RedisBackends() {}

  public static Backend connect(StoreUrl url, KeyValueOptions options) {
    throw new CairnException("KV_NOT_BUILT_YET", "the Redis backend for " + url.redacted() + " is not built yet");
  }
}
