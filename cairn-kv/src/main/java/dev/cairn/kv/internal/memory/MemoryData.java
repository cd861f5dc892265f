package dev.cairn.kv.internal.memory;

import dev.cairn.core.InvalidInputException;
import dev.cairn.kv.SetOptions;
import dev.cairn.kv.Ttl;
import dev.cairn.kv.internal.Failures;
import dev.cairn.kv.internal.Glob;
import dev.cairn.kv.spi.ScriptStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Consumer;

/**
 * The memory store's keys. Design: one {@link ConcurrentHashMap} of immutable values in their stored form (see
 * {@link Entry}: a persistent string as itself, anything else in an {@code Entry}); every single-key
 * operation is one {@code compute} on its key, so it is atomic without a global lock. Expiry is lazy (an expired
 * entry counts as absent and is removed when met) plus {@link #sweep()}, which the backend runs periodically.
 * Multi-key atomicity (MSET, scripts) is the backend's job: it runs those under an exclusive lock that excludes
 * all single-key operations. Byte arrays are copied in and out so callers never share them with the store; text is
 * kept as the caller's {@code String} (immutable, so nothing to copy; see {@link Entry}).
 *
 * <p>An unconditional SET is a plain {@code put} (one lookup, no lambda): overwriting a present key leaves the
 * index alone, and a put that created the key adds it to the index right after, inside a {@code computeIfPresent}
 * on the key, which serializes that addition with any removal as the invariant below needs (a removal that won
 * the race leaves nothing to add). A conditional SET decides inside {@code compute}.
 *
 * <p>A sorted index of the keys serves cursor scans: a step resumes after the last key it examined and walks only
 * the range a pattern's literal prefix allows, so its work is bounded by the step's count, not by the store's
 * size. Invariant: the index holds exactly the keys of the map (expired or not), except for a key an unconditional
 * SET has just put and is about to index (a scan running meanwhile may miss it, as a Redis SCAN may miss a key
 * added during the scan). It is updated inside a {@code compute} on the key, which serializes additions and
 * removals per key; that is why every removal below is a {@code compute} rather than a plain {@code remove}.
 */
final class MemoryData implements ScriptStore {
  private final ConcurrentHashMap<String, Object> entries = new ConcurrentHashMap<>();
  private final ConcurrentSkipListSet<String> index = new ConcurrentSkipListSet<>();
  private final Clock clock;

  MemoryData(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Instant now() {
    return clock.instant();
  }

  @Override
  public Optional<byte[]> get(String key) {
    return Optional.ofNullable(getString(key));
  }

  byte[] getString(String key) {
    Object stored = live(key);
    return stored == null ? null : Entry.bytes(stored, key);
  }

  /**
   * The stored form at {@code key}, live or expired, without side effects: for an optimistic read, which must not
   * write (the caller checks {@link #expired(Object)} and falls back to {@link #live(String)}).
   */
  Object peek(String key) {
    return entries.get(key);
  }

  /** Whether a stored form has expired; reads the clock only for one that can expire. */
  boolean expired(Object stored) {
    return Entry.expires(stored) && Entry.expired(stored, clock.millis());
  }

  /** Sets bytes: the store keeps a copy. */
  boolean set(String key, byte[] value, SetOptions options) {
    return setValue(key, value.clone(), options);
  }

  /** Sets text: the store keeps the (immutable) string itself. */
  boolean setText(String key, String value, SetOptions options) {
    return setValue(key, value, options);
  }

  // The unconditional put and the conditional compute are separate methods so the common one stays small enough
  // for the JIT to inline into the caller's call site even in a process whose profiles other backends polluted.
  private boolean setValue(String key, Object value, SetOptions options) {
    if (options.condition() != SetOptions.Condition.ALWAYS) {
      return setConditionally(key, value, options);
    }
    put(key, Entry.of(value, options.ttl() == null ? Entry.NO_EXPIRY : clock.millis() + options.ttl().toMillis()));
    return true;
  }

  private void put(String key, Object fresh) {
    if (entries.put(key, fresh) == null) {
      indexCreated(key);
    }
  }

  private void indexCreated(String key) {
    entries.computeIfPresent(key, (k, current) -> {
      index.add(k);
      return current;
    });
  }

  private boolean setConditionally(String key, Object value, SetOptions options) {
    long now = clock.millis();
    Object fresh = Entry.of(value, options.ttl() == null ? Entry.NO_EXPIRY : now + options.ttl().toMillis());
    boolean[] written = {false};
    entries.compute(key, (k, old) -> {
      boolean present = old != null && !Entry.expired(old, now);
      boolean write = switch (options.condition()) {
        case ALWAYS -> true;
        case IF_ABSENT -> !present;
        case IF_PRESENT -> present;
      };
      written[0] = write;
      return indexed(k, old, write ? fresh : present ? old : null);
    });
    return written[0];
  }

  @Override
  public void set(String key, byte[] value, Duration ttl) {
    set(key, value, ttl == null ? SetOptions.always() : SetOptions.ttl(ttl));
  }

  @Override
  public boolean delete(String key) {
    Object[] removed = {null};
    entries.computeIfPresent(key, (k, old) -> {
      removed[0] = old;
      return indexed(k, old, null);
    });
    return removed[0] != null && !Entry.expired(removed[0], clock.millis());
  }

  boolean exists(String key) {
    return live(key) != null;
  }

  @Override
  public boolean expire(String key, Duration ttl) {
    long now = clock.millis();
    boolean[] found = {false};
    entries.computeIfPresent(key, (k, old) -> {
      if (Entry.expired(old, now)) {
        return indexed(k, old, null);
      }
      found[0] = true;
      return Entry.of(Entry.valueOf(old), now + ttl.toMillis());
    });
    return found[0];
  }

  @Override
  public Ttl ttl(String key) {
    long now = clock.millis();
    Object stored = live(key, now);
    if (stored == null) {
      return Ttl.missing();
    }
    long expiresAt = Entry.expiresAtOf(stored);
    return expiresAt == Entry.NO_EXPIRY ? Ttl.persistent() : Ttl.expiringIn(Duration.ofMillis(expiresAt - now));
  }

  @Override
  public long incrBy(String key, long delta) {
    long now = clock.millis();
    long[] result = {0};
    entries.compute(key, (k, old) -> {
      boolean present = old != null && !Entry.expired(old, now);
      long current = 0;
      if (present) {
        current = switch (Entry.valueOf(old)) {
          case String text -> Integers.parse(key, text);
          case byte[] bytes -> Integers.parse(key, bytes);
          default -> throw Failures.wrongType(key);
        };
      }
      result[0] = Integers.add(key, current, delta);
      return indexed(k, old, Entry.of(Integers.text(result[0]), present ? Entry.expiresAtOf(old) : Entry.NO_EXPIRY));
    });
    return result[0];
  }

  @Override
  public Optional<byte[]> hashGet(String key, String field) {
    byte[][] found = {null};
    withHash(key, false, hash -> found[0] = hash.fields().get(field));
    return Optional.ofNullable(found[0]).map(byte[]::clone);
  }

  boolean hashSetField(String key, String field, byte[] value) {
    boolean[] added = {false};
    byte[] copy = value.clone();
    withHash(key, true, hash -> added[0] = hash.fields().put(field, copy) == null);
    return added[0];
  }

  @Override
  public void hashSet(String key, String field, byte[] value) {
    hashSetField(key, field, value);
  }

  void hashSetAll(String key, Map<String, byte[]> fields) {
    withHash(key, true, hash -> fields.forEach((field, value) -> hash.fields().put(field, value.clone())));
  }

  @Override
  public Map<String, byte[]> hashGetAll(String key) {
    Map<String, byte[]> copy = new LinkedHashMap<>();
    withHash(key, false, hash -> hash.fields().forEach((field, value) -> copy.put(field, value.clone())));
    return copy;
  }

  long hashDelete(String key, Iterable<String> fields) {
    long[] removed = {0};
    withHash(key, false, hash -> fields.forEach(field -> removed[0] += hash.fields().remove(field) == null ? 0 : 1));
    return removed[0];
  }

  @Override
  public long hashIncrBy(String key, String field, long delta) {
    long[] result = {0};
    withHash(key, true, hash -> {
      byte[] old = hash.fields().get(field);
      result[0] = Integers.add(key, old == null ? 0 : Integers.parse(key, old), delta);
      hash.fields().put(field, Integers.bytes(result[0]));
    });
    return result[0];
  }

  @Override
  public <T> Optional<T> object(String key, Class<T> type) {
    Object stored = live(key);
    if (stored == null) {
      return Optional.empty();
    }
    Object value = Entry.valueOf(stored);
    if (type.isInstance(value)) {
      return Optional.of(type.cast(value));
    }
    throw Failures.wrongType(key);
  }

  @Override
  public void putObject(String key, Object value, Duration ttl) {
    if (Entry.isString(value) || value instanceof HashValue) {
      throw new InvalidInputException("WRONG_TYPE", "putObject is for script-owned objects, not strings or hashes");
    }
    long expiresAt = ttl == null ? Entry.NO_EXPIRY : clock.millis() + ttl.toMillis();
    entries.compute(key, (k, old) -> indexed(k, old, Entry.of(value, expiresAt)));
  }

  /**
   * One cursor-scan step: examines at most {@code count} keys in sorted order after {@code after} (from the start
   * when null), within the range of the pattern's literal prefix, and returns the live matching ones. The step's
   * {@code last} is the last key examined, or null when nothing is left to examine.
   */
  Step scanStep(String pattern, String after, int count) {
    String literal = Glob.literalPrefix(pattern);
    boolean fromLiteral = after == null || after.compareTo(literal) < 0;
    Iterator<String> candidates = index.tailSet(fromLiteral ? literal : after, fromLiteral).iterator();
    long now = clock.millis();
    List<String> keys = new ArrayList<>();
    String last = null;
    int examined = 0;
    while (candidates.hasNext()) {
      String key = candidates.next();
      if (!key.startsWith(literal)) {
        return new Step(keys, null);
      }
      if (examined == count) {
        return new Step(keys, last);
      }
      examined++;
      last = key;
      Object stored = entries.get(key);
      if (stored != null && !Entry.expired(stored, now) && Glob.matches(pattern, key)) {
        keys.add(key);
      }
    }
    return new Step(keys, null);
  }

  /** What {@link #scanStep} found, and the key to resume after (null when the scan is complete). */
  record Step(List<String> keys, String last) {}

  /** Live keys matching {@code pattern}, evaluated lazily while iterating. */
  Iterator<String> scan(String pattern) {
    return entries.entrySet().stream()
        .filter(entry -> !Entry.expired(entry.getValue(), clock.millis()) && Glob.matches(pattern, entry.getKey()))
        .map(Map.Entry::getKey)
        .iterator();
  }

  /** Entries held, expired or not; for tests of the sweep. */
  int storedEntries() {
    return entries.size();
  }

  long liveKeys() {
    long now = clock.millis();
    return entries.values().stream().filter(stored -> !Entry.expired(stored, now)).count();
  }

  /** Removes expired entries; an entry replaced meanwhile is left alone (removal is conditional on the value). */
  void sweep() {
    long now = clock.millis();
    entries.forEach((key, stored) -> {
      if (Entry.expired(stored, now)) {
        removeIfSame(key, stored);
      }
    });
  }

  /** Keeps the index equal to the map's key set; called inside the key's compute with its old and new value. */
  private Object indexed(String key, Object old, Object result) {
    if (old == null && result != null) {
      index.add(key);
    } else if (old != null && result == null) {
      index.remove(key);
    }
    return result;
  }

  /**
   * Removes {@code key} if it still holds {@code stored} (an expired {@code Entry}, compared by identity: a bare
   * string never expires, so never comes here); a newer value is left alone.
   */
  private void removeIfSame(String key, Object stored) {
    entries.computeIfPresent(key, (k, current) -> current == stored ? indexed(k, current, null) : current);
  }

  /**
   * The stored form at {@code key} unless it has expired (then it is removed); reads the clock only if it can
   * expire.
   */
  Object live(String key) {
    Object stored = entries.get(key);
    if (stored != null && expired(stored)) {
      removeIfSame(key, stored);
      return null;
    }
    return stored;
  }

  private Object live(String key, long now) {
    Object stored = entries.get(key);
    if (stored != null && Entry.expired(stored, now)) {
      removeIfSame(key, stored);
      return null;
    }
    return stored;
  }

  /**
   * Runs {@code action} on the hash at {@code key} inside the key's compute, creating it when {@code create}; a
   * hash left without fields is removed, as Redis does.
   */
  private void withHash(String key, boolean create, Consumer<HashValue> action) {
    long now = clock.millis();
    entries.compute(key, (k, old) -> {
      boolean present = old != null && !Entry.expired(old, now);
      if (present && !(Entry.valueOf(old) instanceof HashValue)) {
        throw Failures.wrongType(key);
      }
      if (!present && !create) {
        // an expired hash goes: through indexed(), like every removal, or its key would stay in the scan index
        return indexed(k, old, null);
      }
      // a hash is never a bare value (Entry.of keeps only strings bare), so the Entry holding it is kept as it is
      Object stored = present ? old : Entry.of(new HashValue(), Entry.NO_EXPIRY);
      HashValue hash = (HashValue) Entry.valueOf(stored);
      action.accept(hash);
      return indexed(k, old, hash.fields().isEmpty() ? null : stored);
    });
  }
}
