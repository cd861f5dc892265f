package dev.cairn.kv.coord;

import dev.cairn.core.InvalidInputException;
import dev.cairn.core.StoreUrl;
import dev.cairn.kv.KeyValue;
import dev.cairn.kv.KeyValueOptions;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Picks the key-value store that holds coordination state from the deployment mode, so the same code runs on one
 * machine and on many by changing the environment:
 *
 * <ul>
 *   <li>{@code CAIRN_MODE=single-node} (or unset): the in-process memory store; locks and limits then hold within
 *       this process only;
 *   <li>{@code CAIRN_MODE=distributed}: Redis at {@code CAIRN_KV_URL}, else {@code REDIS_URL}.
 * </ul>
 *
 * <p>Stateless and thread-safe. The caller owns (and closes) the returned store.
 */
public final class StateBackends {
  public static final String MODE = "CAIRN_MODE";
  public static final String KV_URL = "CAIRN_KV_URL";
  public static final String REDIS_URL = "REDIS_URL";

  /** Where coordination state lives. */
  public enum Mode {
    /** One process: the memory store. */
    SINGLE_NODE("single-node"),
    /** Many processes: a shared Redis. */
    DISTRIBUTED("distributed");

    private final String text;

    Mode(String text) {
      this.text = text;
    }

    /** The value of {@code CAIRN_MODE} naming this mode. */
    public String text() {
      return text;
    }

    /**
     * The mode named by a {@code CAIRN_MODE} value (case-insensitive); null or blank means single-node.
     *
     * @throws InvalidInputException {@code INVALID_MODE} for any other value
     */
    public static Mode parse(String value) {
      if (value == null || value.isBlank()) {
        return SINGLE_NODE;
      }
      for (Mode mode : values()) {
        if (mode.text.equals(value.strip().toLowerCase(Locale.ROOT))) {
          return mode;
        }
      }
      throw new InvalidInputException("INVALID_MODE",
          MODE + " is '" + value + "'; expected single-node or distributed");
    }
  }

  private StateBackends() {}

  /** {@link #forMode(Map, KeyValueOptions)} on the process environment with default options. */
  public static KeyValue fromEnvironment() {
    return forMode(System.getenv(), KeyValueOptions.defaults());
  }

  /**
   * Opens the store the environment's {@code CAIRN_MODE}, {@code CAIRN_KV_URL} and {@code REDIS_URL} call for.
   *
   * @throws InvalidInputException {@code INVALID_MODE} for an unknown mode, and the failures of
   *     {@link #forMode(Mode, String, KeyValueOptions)}
   */
  public static KeyValue forMode(Map<String, String> environment, KeyValueOptions options) {
    Objects.requireNonNull(environment, "environment");
    Mode mode = Mode.parse(environment.get(MODE));
    String url = firstPresent(environment.get(KV_URL), environment.get(REDIS_URL));
    return forMode(mode, url, options);
  }

  /**
   * Opens the memory store for {@link Mode#SINGLE_NODE} (ignoring {@code kvUrl}), or the Redis at {@code kvUrl}
   * for {@link Mode#DISTRIBUTED}.
   *
   * @throws InvalidInputException {@code KV_URL_MISSING} when distributed without a URL, {@code NOT_DISTRIBUTED}
   *     when distributed with a {@code memory:} URL, and the failures of {@link KeyValue#open(String,
   *     KeyValueOptions)} (bad URL, wrong password)
   * @throws dev.cairn.core.UnavailableException when the Redis cannot be reached
   */
  public static KeyValue forMode(Mode mode, String kvUrl, KeyValueOptions options) {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(options, "options");
    if (mode == Mode.SINGLE_NODE) {
      return KeyValue.open("memory:", options);
    }
    if (kvUrl == null || kvUrl.isBlank()) {
      throw new InvalidInputException("KV_URL_MISSING",
          MODE + "=distributed needs a Redis URL in " + KV_URL + " or " + REDIS_URL);
    }
    if (StoreUrl.parse(kvUrl).kind() == StoreUrl.Kind.MEMORY) {
      throw new InvalidInputException("NOT_DISTRIBUTED",
          MODE + "=distributed needs a shared Redis, but the key-value URL is memory: (private to this process)");
    }
    return KeyValue.open(kvUrl, options);
  }

  private static String firstPresent(String first, String second) {
    return first != null && !first.isBlank() ? first : second;
  }
}
