package dev.cairn.kv;

import dev.cairn.core.StoreEnvironment;
import java.util.Map;
import java.util.Objects;

/**
 * Opens the key-value store the deployment mode calls for, so the same code runs on one machine and on many by
 * changing the environment (resolved by {@link StoreEnvironment#keyValueUrl()}):
 *
 * <ul>
 *   <li>{@code CAIRN_MODE=single-node}: the in-process memory store; locks and limits then hold within this
 *       process only;
 *   <li>{@code CAIRN_MODE=distributed}: Redis at {@code CAIRN_KV_URL}, else {@code REDIS_URL};
 *   <li>unset: the store those URLs name, else the memory store.
 * </ul>
 *
 * <p>Stateless and thread-safe. The caller owns (and closes) the returned store.
 */
public final class StateBackends {
  private StateBackends() {}

  /** {@link #forMode(Map, KeyValueOptions)} on the process environment with default options. */
  public static KeyValue fromEnvironment() {
    return forMode(System.getenv(), KeyValueOptions.defaults());
  }

  /**
   * Opens the store the variables {@code CAIRN_MODE}, {@code CAIRN_KV_URL} and {@code REDIS_URL} of
   * {@code environment} call for.
   *
   * @throws NullPointerException for a null argument
   * @throws dev.cairn.core.InvalidInputException {@code INVALID_MODE} for an unknown mode, {@code KV_URL_MISSING}
   *     when distributed without a URL, {@code NOT_DISTRIBUTED} when distributed with a {@code memory:} URL, and
   *     the failures of {@link KeyValue#open(String, KeyValueOptions)} (bad URL, wrong password)
   * @throws dev.cairn.core.UnavailableException when the Redis cannot be reached
   */
  public static KeyValue forMode(Map<String, String> environment, KeyValueOptions options) {
    Objects.requireNonNull(options, "options");
    return KeyValue.open(StoreEnvironment.of(environment).keyValueUrl(), options);
  }
}
