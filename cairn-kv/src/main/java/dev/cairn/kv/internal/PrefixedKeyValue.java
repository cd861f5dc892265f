package dev.cairn.kv.internal;

import dev.cairn.core.InvalidInputException;
import dev.cairn.core.Json;
import dev.cairn.core.Unicode;
import dev.cairn.kv.KeyValue;
import dev.cairn.kv.Message;
import dev.cairn.kv.ScanPage;
import dev.cairn.kv.SetOptions;
import dev.cairn.kv.Stats;
import dev.cairn.kv.Subscription;
import dev.cairn.kv.Ttl;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The one {@link KeyValue} implementation: checks input, applies the view's prefix, converts text and JSON, and
 * hands bytes and full keys to a {@link Backend}. Longer than most classes because it is the single adapter for a
 * wide interface; every method is a few lines of checking and delegating. The store itself is the view with the empty prefix; views share
 * its backend and only the store closes it. Thread-safe because it is immutable and backends are.
 */
public final class PrefixedKeyValue implements KeyValue {
  static final int SCAN_BATCH = 500;

  private final Backend backend;
  private final String prefix;
  private final InputCheck check;
  private final boolean owner;
  private final CommandObservation observation;

  private PrefixedKeyValue(Backend backend, String prefix, InputCheck check, boolean owner,
      CommandObservation observation) {
    this.backend = backend;
    this.prefix = prefix;
    this.check = check;
    this.owner = owner;
    this.observation = observation;
  }

  /** The store over {@code backend}; closing it closes the backend. */
  public static PrefixedKeyValue store(Backend backend, long maxValueBytes) {
    return new PrefixedKeyValue(backend, "", new InputCheck(maxValueBytes), true, new CommandObservation());
  }

  /** The backend behind this view; for the SPI ({@link dev.cairn.kv.spi.Scripting}, {@link dev.cairn.kv.spi.RedisAccess}). */
  public Backend backend() {
    return backend;
  }

  /** The timing of this store's commands, shared by its views. */
  CommandObservation observation() {
    return observation;
  }

  /**
   * {@code key} checked and with this view's prefix, as the backend sees it. Without a prefix it is the caller's
   * own string: {@code "" + key} would be a new string (the language requires it), whose hash the map would then
   * compute afresh on every call.
   */
  public String fullKey(String key) {
    String checked = check.key(key);
    return prefix.isEmpty() ? checked : prefix + checked;
  }

  @Override
  public Optional<String> get(String key) {
    // The hot commands skip observed(...) when nobody listens: see CommandObservation.unobserved
    return observation.unobserved() ? getText(key) : observation.observed("get", () -> getText(key));
  }

  private Optional<String> getText(String key) {
    return Optional.ofNullable(backend.getText(fullKey(key)));
  }

  @Override
  public Optional<byte[]> getBytes(String key) {
    return observation.unobserved() ? getBinary(key) : observation.observed("get", () -> getBinary(key));
  }

  private Optional<byte[]> getBinary(String key) {
    return Optional.ofNullable(backend.get(fullKey(key)));
  }

  @Override
  public <T> Optional<T> getJson(String key, Class<T> type) {
    Objects.requireNonNull(type, "type");
    return get(key).map(json -> Json.read(json, type));
  }

  @Override
  public void set(String key, String value) {
    set(key, value, SetOptions.always());
  }

  @Override
  public void set(String key, String value, Duration ttl) {
    set(key, value, SetOptions.ttl(ttl));
  }

  @Override
  public boolean set(String key, String value, SetOptions options) {
    return observation.unobserved() ? setText(key, value, options)
        : observation.observed("set", () -> setText(key, value, options));
  }

  private boolean setText(String key, String value, SetOptions options) {
    // Checked without encoding: the memory store keeps the string as it is, Redis encodes it once on the way out.
    String checked = check.textValue(key, value);
    Objects.requireNonNull(options, "options");
    return backend.setText(fullKey(key), checked, options);
  }

  @Override
  public boolean setBytes(String key, byte[] value, SetOptions options) {
    return observation.unobserved() ? setBinary(key, value, options)
        : observation.observed("set", () -> setBinary(key, value, options));
  }

  private boolean setBinary(String key, byte[] value, SetOptions options) {
    Objects.requireNonNull(options, "options");
    String full = fullKey(key);
    return backend.set(full, check.value(key, value), options);
  }

  @Override
  public void batch(Consumer<? super dev.cairn.kv.Batch> commands) {
    observation.run("batch", () -> {
      Objects.requireNonNull(commands, "commands");
      QueuedBatch batch = new QueuedBatch(this, check);
      commands.accept(batch);
      batch.run(backend);
    });
  }

  @Override
  public boolean setJson(String key, Object value, SetOptions options) {
    return set(key, Json.write(Objects.requireNonNull(value, "value")), options);
  }

  @Override
  public long delete(String... keys) {
    return observation.observed("del", () -> keys.length == 0 ? 0 : backend.delete(fullKeys(Arrays.asList(keys))));
  }

  @Override
  public boolean exists(String key) {
    return observation.observed("exists", () -> backend.exists(fullKey(key)));
  }

  @Override
  public boolean expire(String key, Duration ttl) {
    return observation.observed("expire", () -> {
      String full = fullKey(key);
      return backend.expire(full, SetOptions.requireValidTtl(Objects.requireNonNull(ttl, "ttl")));
    });
  }

  @Override
  public Ttl ttl(String key) {
    return observation.observed("ttl", () -> backend.ttl(fullKey(key)));
  }

  @Override
  public long incr(String key) {
    return incrBy(key, 1);
  }

  @Override
  public long incrBy(String key, long delta) {
    return observation.observed("incrby", () -> backend.incrBy(fullKey(key), delta));
  }

  @Override
  public long decr(String key) {
    return incrBy(key, -1);
  }

  @Override
  public Map<String, String> mget(Collection<String> keys) {
    Map<String, String> found = new LinkedHashMap<>();
    mgetBytes(keys).forEach((key, value) -> found.put(key, text(value)));
    return Collections.unmodifiableMap(found);
  }

  @Override
  public Map<String, byte[]> mgetBytes(Collection<String> keys) {
    return observation.observed("mget", () -> {
      List<String> relative = List.copyOf(keys);
      if (relative.isEmpty()) {
        return Map.of();
      }
      List<byte[]> values = backend.mget(fullKeys(relative));
      Map<String, byte[]> found = new LinkedHashMap<>();
      for (int i = 0; i < relative.size(); i++) {
        if (values.get(i) != null) {
          found.put(relative.get(i), values.get(i));
        }
      }
      return Collections.unmodifiableMap(found);
    });
  }

  @Override
  public void mset(Map<String, String> entries) {
    observation.run("mset", () -> {
      Map<String, byte[]> full = new LinkedHashMap<>();
      entries.forEach((key, value) -> full.put(fullKey(key),
          check.value(key, check.text(value, "value for key '" + key + "'"))));
      if (!full.isEmpty()) {
        backend.mset(full);
      }
    });
  }

  @Override
  public Stream<String> scan(String pattern) {
    String fullPattern = Glob.escape(prefix)
        + Unicode.requireWellFormed(Objects.requireNonNull(pattern, "pattern"), "pattern");
    Spliterator<String> keys = Spliterators.spliteratorUnknownSize(
        backend.scan(fullPattern, SCAN_BATCH), Spliterator.NONNULL);
    return StreamSupport.stream(keys, false).map(this::relative);
  }

  @Override
  public ScanPage scan(String pattern, String cursor, int count) {
    return observation.observed("scan", () -> {
      String fullPattern = Glob.escape(prefix) + Objects.requireNonNull(pattern, "pattern");
      Objects.requireNonNull(cursor, "cursor");
      if (count < 1) {
        throw new InvalidInputException("INVALID_LIMIT", "count must be at least 1, was " + count);
      }
      ScanPage step = backend.scanPage(fullPattern, cursor, count);
      return new ScanPage(step.keys().stream().map(this::relative).toList(), step.cursor());
    });
  }

  @Override
  public long deletePrefix(String prefixToDelete, String... excludedPrefixes) {
    return observation.observed("delete_prefix", () -> {
      // Checked here above all: on Redis a lone surrogate would be sent as '?', a wildcard in the SCAN pattern.
      return new PrefixDeletion(backend,
          prefix + Unicode.requireWellFormed(Objects.requireNonNull(prefixToDelete, "prefix"), "prefix"),
          Arrays.stream(excludedPrefixes).map(excluded -> prefix + Unicode.requireWellFormed(excluded, "prefix"))
              .toList()).run();
    });
  }

  @Override
  public Optional<String> hashGet(String key, String field) {
    return observation.observed("hget",
        () -> Optional.ofNullable(backend.hashGet(fullKey(key), check.field(field))).map(PrefixedKeyValue::text));
  }

  @Override
  public boolean hashSet(String key, String field, String value) {
    return observation.observed("hset", () -> {
      String full = fullKey(key);
      return backend.hashSet(full, check.field(field), check.value(key, check.text(value, "value of a hash field")));
    });
  }

  @Override
  public void hashSet(String key, Map<String, String> fields) {
    observation.run("hset", () -> {
      String full = fullKey(key);
      Map<String, byte[]> values = new LinkedHashMap<>();
      fields.forEach((field, value) -> values.put(check.field(field),
          check.value(key, check.text(value, "value of a hash field"))));
      if (!values.isEmpty()) {
        backend.hashSet(full, values);
      }
    });
  }

  @Override
  public Map<String, String> hashGetAll(String key) {
    return observation.observed("hgetall", () -> {
      Map<String, String> fields = new LinkedHashMap<>();
      backend.hashGetAll(fullKey(key)).forEach((field, value) -> fields.put(field, text(value)));
      return Collections.unmodifiableMap(fields);
    });
  }

  @Override
  public long hashDelete(String key, String... fields) {
    return observation.observed("hdel", () -> {
      String full = fullKey(key);
      List<String> checked = Arrays.stream(fields).map(check::field).toList();
      return checked.isEmpty() ? 0 : backend.hashDelete(full, checked);
    });
  }

  @Override
  public long hashIncrBy(String key, String field, long delta) {
    return observation.observed("hincrby", () -> backend.hashIncrBy(fullKey(key), check.field(field), delta));
  }

  @Override
  public long publish(String channel, String message) {
    return observation.observed("publish", () -> {
      return backend.publish(prefix + check.channel(channel),
          check.text(Objects.requireNonNull(message, "message"), "message"));
    });
  }

  @Override
  public Subscription subscribe(Consumer<Message> listener, String... channels) {
    List<String> full = Arrays.stream(channels).map(channel -> prefix + check.channel(channel)).toList();
    return backend.subscribe(check.nonEmpty(full, "channel"), false, relativeTo(listener));
  }

  @Override
  public Subscription subscribePattern(Consumer<Message> listener, String... patterns) {
    List<String> full = Arrays.stream(patterns).map(pattern -> Glob.escape(prefix) + check.channel(pattern)).toList();
    return backend.subscribe(check.nonEmpty(full, "pattern"), true, relativeTo(listener));
  }

  @Override
  public Duration ping() {
    return observation.observed("ping", () -> backend.ping());
  }

  @Override
  public Stats stats() {
    return backend.stats();
  }

  @Override
  public KeyValue withPrefix(String more) {
    return new PrefixedKeyValue(backend, prefix + check.prefix(more), check, false, observation);
  }

  @Override
  public String prefix() {
    return prefix;
  }

  @Override
  public String url() {
    return backend.url();
  }

  @Override
  public void close() {
    if (owner) {
      backend.close();
    }
  }

  @Override
  public String toString() {
    return "KeyValue[" + backend.url() + (prefix.isEmpty() ? "" : ", prefix=" + prefix) + "]";
  }

  private Consumer<Message> relativeTo(Consumer<Message> listener) {
    Objects.requireNonNull(listener, "listener");
    return message -> listener.accept(new Message(relative(message.channel()),
        message.pattern() == null ? null : message.pattern().substring(Glob.escape(prefix).length()),
        message.payload()));
  }

  private List<String> fullKeys(List<String> keys) {
    List<String> full = new ArrayList<>(keys.size());
    keys.forEach(key -> full.add(fullKey(key)));
    return full;
  }

  private String relative(String fullKey) {
    return fullKey.substring(prefix.length());
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
