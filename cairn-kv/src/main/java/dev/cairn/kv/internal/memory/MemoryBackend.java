package dev.cairn.kv.internal.memory;

import dev.cairn.core.CairnException;
import dev.cairn.core.InvalidInputException;
import dev.cairn.kv.Message;
import dev.cairn.kv.ScanPage;
import dev.cairn.kv.SetOptions;
import dev.cairn.kv.Stats;
import dev.cairn.kv.Subscription;
import dev.cairn.kv.Ttl;
import dev.cairn.kv.internal.Backend;
import dev.cairn.kv.internal.Failures;
import dev.cairn.kv.spi.Script;
import dev.cairn.kv.spi.ScriptResult;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The in-process backend. Single-key operations run on the shared side of a {@link Gate} and are atomic by
 * themselves ({@link MemoryData}); operations Redis runs atomically over several keys (MSET, MGET, multi-key DEL,
 * scripts) take the exclusive side, which is what makes a script's Java twin as atomic as Lua on Redis. Reads of
 * one string key (GET, EXISTS) do not even enter: they read optimistically and validate that no exclusive
 * operation ran meanwhile, entering shared only when one did or the entry met has expired (its removal is a
 * write). Reentrancy is not needed because code under the gate calls {@link MemoryData} directly, never back
 * into this class. A daemon thread sweeps expired keys every {@code sweepInterval}.
 */
public final class MemoryBackend implements Backend {
  private final MemoryData data;
  private final MemoryPubSub pubSub = new MemoryPubSub();
  private final Gate gate = new Gate();
  private final ScheduledExecutorService sweeper;
  private final AtomicBoolean closed = new AtomicBoolean();

  public MemoryBackend(Clock clock, Duration sweepInterval) {
    this.data = new MemoryData(clock);
    this.sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "cairn-kv-memory-expiry");
      thread.setDaemon(true);
      return thread;
    });
    long period = sweepInterval.toMillis();
    sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
  }

  /** Removes expired keys now; the periodic sweep calls this, and tests can too. */
  public void sweep() {
    shared(() -> {
      data.sweep();
      return null;
    });
  }

  /** Entries held, expired or not; for tests of the sweep. */
  int storedEntries() {
    return data.storedEntries();
  }

  @Override
  public String kind() {
    return "memory";
  }

  @Override
  public String url() {
    return "memory:";
  }

  @Override
  public byte[] get(String key) {
    Object stored = liveEntry(key);
    return stored == null ? null : Entry.bytes(stored, key);
  }

  @Override
  public String getText(String key) {
    Object stored = liveEntry(key);
    return stored == null ? null : Entry.text(stored, key);
  }

  // The hot paths enter and exit the gate inline rather than through shared(Supplier): no lambda per call.
  @Override
  public boolean set(String key, byte[] value, SetOptions options) {
    requireOpen();
    int slot = gate.enterShared();
    try {
      return data.set(key, value, options);
    } finally {
      gate.exitShared(slot);
    }
  }

  @Override
  public boolean setText(String key, String value, SetOptions options) {
    requireOpen();
    int slot = gate.enterShared();
    try {
      return data.setText(key, value, options);
    } finally {
      gate.exitShared(slot);
    }
  }

  @Override
  public long delete(List<String> keys) {
    return exclusive(() -> keys.stream().filter(data::delete).count());
  }

  @Override
  public boolean exists(String key) {
    return liveEntry(key) != null;
  }

  @Override
  public boolean expire(String key, Duration ttl) {
    return shared(() -> data.expire(key, ttl));
  }

  @Override
  public Ttl ttl(String key) {
    return shared(() -> data.ttl(key));
  }

  @Override
  public long incrBy(String key, long delta) {
    return shared(() -> data.incrBy(key, delta));
  }

  @Override
  public List<byte[]> mget(List<String> keys) {
    return exclusive(() -> {
      List<byte[]> values = new ArrayList<>(keys.size());
      for (String key : keys) {
        Object value = data.object(key, Object.class).orElse(null);
        // MGET answers nil for a key of another type instead of failing, so read leniently here
        values.add(Entry.bytesOrNull(value));
      }
      return values;
    });
  }

  @Override
  public void mset(Map<String, byte[]> entries) {
    exclusive(() -> {
      entries.forEach((key, value) -> data.set(key, value, SetOptions.always()));
      return null;
    });
  }

  @Override
  public Iterator<String> scan(String pattern, int batchSize) {
    return shared(() -> data.scan(pattern));
  }

  /**
   * The cursor is {@code m} followed by the last key examined, Base64url-encoded (so any key travels in a URL);
   * resuming after that key in the sorted index never repeats a key, whatever was added or removed meanwhile.
   */
  @Override
  public ScanPage scanPage(String pattern, String cursor, int count) {
    String after = ScanPage.START.equals(cursor) ? null : decodeCursor(cursor);
    MemoryData.Step step = shared(() -> data.scanStep(pattern, after, count));
    return new ScanPage(step.keys(), step.last() == null ? ScanPage.START
        : "m" + Base64.getUrlEncoder().withoutPadding().encodeToString(step.last().getBytes(StandardCharsets.UTF_8)));
  }

  private static String decodeCursor(String cursor) {
    try {
      if (cursor.length() > 1 && cursor.charAt(0) == 'm') {
        return new String(Base64.getUrlDecoder().decode(cursor.substring(1)), StandardCharsets.UTF_8);
      }
    } catch (IllegalArgumentException e) {
      // falls through to the refusal below
    }
    throw new InvalidInputException("INVALID_CURSOR", "not a scan cursor of this store: '"
        + (cursor.length() > 40 ? cursor.substring(0, 40) + "..." : cursor) + "'");
  }

  @Override
  public byte[] hashGet(String key, String field) {
    return shared(() -> data.hashGet(key, field).orElse(null));
  }

  @Override
  public boolean hashSet(String key, String field, byte[] value) {
    return shared(() -> data.hashSetField(key, field, value));
  }

  @Override
  public void hashSet(String key, Map<String, byte[]> fields) {
    shared(() -> {
      data.hashSetAll(key, fields);
      return null;
    });
  }

  @Override
  public Map<String, byte[]> hashGetAll(String key) {
    return shared(() -> data.hashGetAll(key));
  }

  @Override
  public long hashDelete(String key, List<String> fields) {
    return shared(() -> data.hashDelete(key, fields));
  }

  @Override
  public long hashIncrBy(String key, String field, long delta) {
    return shared(() -> data.hashIncrBy(key, field, delta));
  }

  @Override
  public long publish(String channel, byte[] message) {
    requireOpen();
    return pubSub.publish(channel, message);
  }

  @Override
  public Subscription subscribe(List<String> channelsOrPatterns, boolean patterns, Consumer<Message> listener) {
    requireOpen();
    return pubSub.subscribe(channelsOrPatterns, patterns, listener);
  }

  @Override
  public Duration ping() {
    long start = System.nanoTime();
    shared(() -> null);
    return Duration.ofNanos(System.nanoTime() - start);
  }

  @Override
  public Stats stats() {
    return shared(() -> new Stats("memory", "cairn-memory", -1, pubSub.size(), data.liveKeys(), -1));
  }

  @Override
  public Instant time() {
    requireOpen();
    return data.now();
  }

  @Override
  public ScriptResult run(Script script, List<String> keys, List<String> args) {
    return exclusive(() -> {
      try {
        return new ScriptResult(script.name(), script.memory().run(data, keys, args));
      } catch (CairnException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new CairnException("KV_SCRIPT_FAILED", "script " + script.name() + " failed: " + e, e);
      }
    });
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      sweeper.shutdownNow();
      pubSub.closeAll();
    }
  }

  /**
   * The live value at {@code key}, in its stored form (see {@link Entry}): read optimistically (no write to shared
   * memory, see {@link Gate}); read shared when an exclusive operation ran meanwhile or the entry has expired, whose
   * removal is a write. A string is immutable in either form, so the caller may convert it after the gate.
   */
  private Object liveEntry(String key) {
    requireOpen();
    long stamp = gate.version();
    Object stored = data.peek(key);
    if (gate.validate(stamp) && (stored == null || !data.expired(stored))) {
      return stored;
    }
    return liveEntryShared(key);
  }

  /** The slow path of {@link #liveEntry}, apart so the fast one inlines into every read. */
  private Object liveEntryShared(String key) {
    int slot = gate.enterShared();
    try {
      return data.live(key);
    } finally {
      gate.exitShared(slot);
    }
  }

  private <T> T shared(Supplier<T> operation) {
    requireOpen();
    int slot = gate.enterShared();
    try {
      return operation.get();
    } finally {
      gate.exitShared(slot);
    }
  }

  private <T> T exclusive(Supplier<T> operation) {
    requireOpen();
    gate.enterExclusive();
    try {
      return operation.get();
    } finally {
      gate.exitExclusive();
    }
  }

  private void requireOpen() {
    if (closed.get()) {
      throw Failures.closed(url());
    }
  }
}
