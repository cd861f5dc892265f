package dev.cairn.kv.spi;

import dev.cairn.core.InvalidInputException;
import dev.cairn.core.Unicode;
import dev.cairn.kv.KeyValue;
import dev.cairn.kv.internal.PrefixedKeyValue;
import io.lettuce.core.cluster.SlotHash;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The door for coordination code (locks, rate limiters, queues) to run atomic scripts and read the store's time on
 * any {@link KeyValue}. Keys given here are relative to the view, like every {@link KeyValue} key, and get its
 * prefix. Every key of one call must hash to the same cluster slot, so put the shared part in a hash tag
 * ({@code "{lock:job-1}:owner"}, {@code "{lock:job-1}:fence"}, see {@link #hashTag(String)}); this is checked on
 * every backend so a memory-only test catches a key layout Redis Cluster would refuse. A prefix should not
 * contain {@code {}. Thread-safe.
 *
 * <pre>{@code
 * Scripting scripting = Scripting.of(kv);
 * ScriptResult result = scripting.run(ACQUIRE, List.of("{lock:a}:owner", "{lock:a}:fence"), List.of(token, "30000"));
 * }</pre>
 */
public final class Scripting {
  private final PrefixedKeyValue view;

  private Scripting(PrefixedKeyValue view) {
    this.view = view;
  }

  /**
   * Scripting for a store or view opened by {@link KeyValue#open}.
   *
   * @throws IllegalArgumentException for a {@link KeyValue} implemented elsewhere
   */
  public static Scripting of(KeyValue kv) {
    if (kv instanceof PrefixedKeyValue view) {
      return new Scripting(view);
    }
    throw new IllegalArgumentException("not a KeyValue opened by KeyValue.open: " + kv.getClass().getName());
  }

  /** {@code "{" + name + "}"}: the Redis Cluster hash tag that keeps keys sharing it in one slot. */
  public static String hashTag(String name) {
    return "{" + name + "}";
  }

  /**
   * Runs {@code script} atomically: EVALSHA (EVAL when the server does not have it cached) on Redis, the Java
   * twin under the exclusive lock on the memory store.
   *
   * @throws InvalidInputException {@code EMPTY_KEY} for an empty key, {@code CROSS_SLOT} when the keys hash to
   *     different cluster slots, {@code WRONG_TYPE} when a key holds another type, {@code INVALID_UNICODE} for a
   *     key or argument with a lone surrogate
   * @throws dev.cairn.core.UnavailableException as every {@link KeyValue} call
   * @throws dev.cairn.core.CairnException {@code KV_SCRIPT_FAILED} when the script raises an error
   */
  public ScriptResult run(Script script, List<String> keys, List<String> args) {
    Objects.requireNonNull(script, "script");
    List<String> fullKeys = keys.stream().map(view::fullKey).toList();
    requireOneSlot(script, fullKeys);
    args.forEach(arg -> Unicode.requireWellFormed(Objects.requireNonNull(arg, "script argument"),
        "script argument"));
    return view.backend().run(script, fullKeys, List.copyOf(args));
  }

  /** The store's current time: Redis TIME on Redis, the injected clock on the memory store. */
  public Instant time() {
    return view.backend().time();
  }

  /** The full key (with the view's prefix) for a key of this view. */
  public String fullKey(String key) {
    return view.fullKey(key);
  }

  /** The backend kind: {@code memory}, {@code redis}, {@code redis-sentinel} or {@code redis-cluster}. */
  public String backendKind() {
    return view.backend().kind();
  }

  private static void requireOneSlot(Script script, List<String> fullKeys) {
    if (fullKeys.size() < 2) {
      return;
    }
    int slot = SlotHash.getSlot(fullKeys.getFirst());
    for (String key : fullKeys) {
      if (SlotHash.getSlot(key) != slot) {
        throw new InvalidInputException("CROSS_SLOT", "script " + script.name() + " keys " + fullKeys
            + " hash to different cluster slots; share a hash tag such as " + hashTag("name"));
      }
    }
  }
}
