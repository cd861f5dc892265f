package dev.cairn.subject.internal.redis;

import dev.cairn.core.CairnException;
import dev.cairn.core.ConflictException;
import dev.cairn.core.InvalidInputException;
import dev.cairn.kv.KeyValue;
import dev.cairn.kv.spi.RedisAccess;
import dev.cairn.subject.Change;
import dev.cairn.subject.NameLimits;
import dev.cairn.subject.PendingChanges;
import dev.cairn.subject.PropertyKind;
import dev.cairn.subject.PropertyValue;
import dev.cairn.subject.StorageStats;
import dev.cairn.subject.StoredSubject;
import dev.cairn.subject.SubjectStorage;
import dev.cairn.subject.internal.Increments;
import dev.cairn.subject.internal.PythonJson;
import dev.cairn.subject.internal.Values;
import io.lettuce.core.TransactionResult;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Subjects in Redis in KRules' layout, so Python KRules services and Cairn share them: one hash per subject at
 * {@code s:} + key prefix + subject name (no separator added), fields {@code p<name>} and {@code e<name>}, values
 * JSON text as Python's {@code json.dumps} writes it ({@link PythonJson}), no TTL.
 *
 * <p>Reads and whole-subject deletes use the shared connection. Everything that must be atomic runs on a
 * connection of its own ({@link TransactionConnections}; on a Cluster, its connection to the master of the
 * subject's slot, since a subject is one hash) as one pipelined MULTI/EXEC: store() and direct
 * set/delete/increment (each with an HGET inside the transaction for the old value). A function write is
 * optimistic: WATCH the hash, HGET, compute, MULTI/HSET/EXEC, retried with jittered backoff when EXEC is discarded,
 * at most {@code maxAttempts} times, then CONFLICT {@code SUBJECT_WRITE_CONFLICT}. Increments use HINCRBY, which
 * works on the JSON integer text directly, and fall back to a function write beyond 64 bits.
 */
public final class RedisStorage implements SubjectStorage {
  private final RedisAccess access;
  private final String keyPrefix;
  private final int maxAttempts;
  private final TransactionConnections connections;
  private final KeyValue ownedStore;
  private final KeyValue kv;
  // Both fixed once built and needed on every call (a key, a name check): computed once, not per read.
  private final String keyStart;
  private final NameLimits nameLimits;
  // Client-side count of request/reply exchanges with the server, for stats() (the benchmark's round_trips).
  private final LongAdder roundTrips = new LongAdder();

  /**
   * @param kv a Redis store; give it without a view prefix, which would come before {@code s:}
   * @param ownsStore close {@code kv} with this storage
   * @throws InvalidInputException {@code NOT_A_REDIS_STORE} when {@code kv} is not Redis
   */
  public RedisStorage(KeyValue kv, String keyPrefix, int maxAttempts, boolean ownsStore) {
    this.access = RedisAccess.of(kv).orElseThrow(() -> new InvalidInputException("NOT_A_REDIS_STORE",
        "Redis subject storage needs a Redis key-value store, got " + kv));
    this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
    if (maxAttempts < 1) {
      throw new InvalidInputException("INVALID_MAX_ATTEMPTS", "maxAttempts must be at least 1, got " + maxAttempts);
    }
    this.maxAttempts = maxAttempts;
    this.connections = new TransactionConnections(access, 16);
    this.ownedStore = ownsStore ? kv : null;
    this.kv = kv;
    this.keyStart = access.fullKey("s:" + keyPrefix);
    this.nameLimits = limitsAfter(keyStart);
  }

  /** The hash key of {@code subject} as Redis sees it. */
  public String key(String subject) {
    return keyStart.concat(subject);
  }

  @Override
  public StoredSubject load(String subject) {
    roundTrips.increment();
    return decodeAll(access.call("HGETALL", commands -> commands.hgetall(key(subject))));
  }

  /** SCAN (KeyValue's, which walks every master of a Cluster) for {@code s:} + key prefix + {@code prefix}. */
  @Override
  public List<String> names(String prefix) {
    String keyStart = "s:" + keyPrefix;
    try (var keys = kv.scan(globEscaped(keyStart + prefix) + "*")) {
      // SCAN may return a key twice (the hash table grew during the scan).
      return keys.map(key -> key.substring(keyStart.length())).distinct().toList();
    }
  }

  /** {@code text} with Redis' glob characters backslash-escaped, so it matches only itself. */
  private static String globEscaped(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\' || c == '^' || c == '-') {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    return escaped.toString();
  }

  /** HGETALL and DEL in one MULTI/EXEC, so the snapshot is exactly what was deleted. */
  @Override
  public StoredSubject remove(String subject) {
    String key = key(subject);
    TransactionResult result = connections.with("MULTI/EXEC remove", key, commands -> transaction(commands,
        queue -> {
          queue.hgetall(key);
          queue.del(key);
        }));
    requireNoErrors(result, "remove");
    return decodeAll(result.get(0));
  }

  private static StoredSubject decodeAll(Map<String, byte[]> fields) {
    Map<String, Object> properties = new LinkedHashMap<>();
    Map<String, Object> extended = new LinkedHashMap<>();
    fields.forEach((field, value) -> {
      if (field.startsWith("p")) {
        properties.put(field.substring(1), decode(value));
      } else if (field.startsWith("e")) {
        extended.put(field.substring(1), decode(value));
      }
    });
    return new StoredSubject(properties, extended);
  }

  @Override
  public PropertyValue read(String subject, PropertyKind kind, String property) {
    roundTrips.increment();
    byte[] value = access.hashGet(key(subject), kind.field(property));
    return value == null ? null : new PropertyValue(decode(value));
  }

  @Override
  public void store(String subject, PendingChanges changes) {
    String key = key(subject);
    Map<String, byte[]> writes = new LinkedHashMap<>();
    List<String> deletes = new ArrayList<>();
    for (PropertyKind kind : PropertyKind.values()) {
      changes.writes(kind).forEach((name, value) -> writes.put(kind.field(name), encode(value)));
      changes.deletes(kind).forEach(name -> deletes.add(kind.field(name)));
    }
    TransactionResult result = connections.with("MULTI/EXEC store", key, commands -> transaction(commands,
        queue -> {
          if (!writes.isEmpty()) {
            queue.hset(key, writes);
          }
          if (!deletes.isEmpty()) {
            queue.hdel(key, deletes.toArray(String[]::new));
          }
        }));
    requireNoErrors(result, "store");
  }

  @Override
  public Change set(String subject, PropertyKind kind, String property, Object value) {
    String key = key(subject);
    String field = kind.field(property);
    byte[] encoded = encode(value);
    TransactionResult result = connections.with("MULTI/EXEC set", key, commands -> transaction(commands,
        queue -> {
          queue.hget(key, field);
          queue.hset(key, field, encoded);
        }));
    requireNoErrors(result, "set");
    byte[] old = result.get(0);
    return new Change(Values.normalize(value), old == null ? null : decode(old), old != null);
  }

  @Override
  public Change compute(String subject, PropertyKind kind, String property, UnaryOperator<Object> function) {
    String key = key(subject);
    String field = kind.field(property);
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      Attempt outcome = connections.with("WATCH/MULTI/EXEC compute", key,
          commands -> tryCompute(commands, key, field, function));
      if (outcome.thrown() != null) {
        throw outcome.thrown();
      }
      if (outcome.change() != null) {
        return outcome.change();
      }
      Backoff.pause(attempt);
    }
    throw new ConflictException("SUBJECT_WRITE_CONFLICT", "gave up writing " + field.substring(1) + " of subject "
        + subject + " after " + maxAttempts + " attempts: other writers kept changing it",
        Map.of("subject", subject, "property", property, "attempts", maxAttempts), null);
  }

  /**
   * What one optimistic attempt gave: the change, or neither (another writer changed the subject between WATCH and
   * EXEC), or what the function or value check threw, carried out so the connection layer does not translate it.
   */
  private record Attempt(Change change, RuntimeException thrown) {}

  private Attempt tryCompute(StatefulRedisConnection<String, byte[]> connection, String key, String field,
      UnaryOperator<Object> function) {
    RedisCommands<String, byte[]> commands = connection.sync();
    roundTrips.add(2);
    commands.watch(key);
    byte[] old;
    Object previous;
    Object value;
    try {
      old = commands.hget(key, field);
      previous = old == null ? null : decode(old);
      value = Values.normalize(function.apply(previous));
    } catch (RuntimeException e) {
      // The connection goes back to the pool, so it must not stay WATCHing.
      roundTrips.increment();
      commands.unwatch();
      return new Attempt(null, e);
    }
    byte[] encoded = encode(value);
    TransactionResult result = transaction(connection, queue -> queue.hset(key, field, encoded));
    if (result.wasDiscarded()) {
      return new Attempt(null, null);
    }
    requireNoErrors(result, "compute");
    return new Attempt(new Change(value, previous, old != null), null);
  }

  /**
   * HINCRBY while the value fits 64 bits, the cheap and common case; when Redis refuses (the value or the sum
   * leaves 64 bits, or the value is not an integer at all), a checked read-modify-write ({@link #compute}) that
   * counts past 64 bits as KRules does, or refuses a non-integer with NOT_AN_INTEGER. HINCRBY writes nothing when
   * it fails, so the fallback starts from the value as it was.
   */
  @Override
  public Change increment(String subject, PropertyKind kind, String property, long delta) {
    String key = key(subject);
    String field = kind.field(property);
    TransactionResult result = connections.with("MULTI/EXEC HINCRBY", key, commands -> transaction(commands,
        queue -> {
          queue.hget(key, field);
          queue.hincrby(key, field, delta);
        }));
    if (result.<Object>get(1) instanceof Exception) {
      return compute(subject, kind, property, old -> Increments.add(old, delta, property));
    }
    byte[] old = result.get(0);
    Long value = result.get(1);
    return new Change(value, old == null ? null : decode(old), old != null);
  }

  @Override
  public Change delete(String subject, PropertyKind kind, String property) {
    String key = key(subject);
    String field = kind.field(property);
    TransactionResult result = connections.with("MULTI/EXEC delete", key, commands -> transaction(commands,
        queue -> {
          queue.hget(key, field);
          queue.hdel(key, field);
        }));
    requireNoErrors(result, "delete");
    byte[] old = result.get(0);
    return old == null ? null : new Change(null, decode(old), true);
  }

  @Override
  public boolean flush(String subject) {
    roundTrips.increment();
    return access.call("DEL", commands -> commands.del(key(subject))) > 0;
  }

  @Override
  public StorageStats stats() {
    return new StorageStats(roundTrips.sum());
  }

  private TransactionResult transaction(StatefulRedisConnection<String, byte[]> connection,
      Consumer<RedisAsyncCommands<String, byte[]>> queue) {
    roundTrips.increment();
    return Pipelined.transaction(connection, queue);
  }

  /**
   * Redis' own limit (512 MiB a key or field), less what the key adds to a subject's name ({@code s:}, the view
   * and KRules prefixes) or the field to a property's (one letter); the tighter of the two applies to both.
   */
  @Override
  public NameLimits nameLimits() {
    return nameLimits;
  }

  private static NameLimits limitsAfter(String keyStart) {
    long keyOverhead = keyStart.getBytes(StandardCharsets.UTF_8).length;
    long redisMax = NameLimits.REDIS.maxUtf8Bytes() + 1;
    return new NameLimits(Integer.MAX_VALUE, redisMax - Math.max(1, keyOverhead));
  }

  @Override
  public boolean isPersistent() {
    return true;
  }

  @Override
  public boolean isConcurrencySafe() {
    return true;
  }

  @Override
  public void close() {
    try {
      connections.close();
    } finally {
      if (ownedStore != null) {
        ownedStore.close();
      }
    }
  }

  @Override
  public String toString() {
    return "Redis subject storage (key prefix '" + keyPrefix + "')";
  }

  private static byte[] encode(Object value) {
    return PythonJson.write(value).getBytes(StandardCharsets.UTF_8);
  }

  private static Object decode(byte[] value) {
    return PythonJson.read(value);
  }

  private static void requireNoErrors(TransactionResult result, String what) {
    for (Object reply : result) {
      if (reply instanceof Exception failure) {
        throw new CairnException("SUBJECT_WRITE_FAILED", "Redis refused the subject " + what + ": "
            + failure.getMessage(), failure);
      }
    }
  }
}
