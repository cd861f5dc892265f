package dev.cairn.kv.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.CairnException;
import dev.cairn.core.InvalidInputException;
import dev.cairn.kv.KeyValue;
import dev.cairn.kv.KeyValueOptions;
import dev.cairn.kv.SetOptions;
import dev.cairn.kv.Stats;
import dev.cairn.kv.Subscription;
import dev.cairn.kv.Ttl;
import dev.cairn.kv.coord.conformance.CoordinationConformance;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;

/**
 * The behaviour every {@link KeyValue} backend and deployment must show, written once and run against each by
 * extending this class: strings, bytes, JSON, conditions, TTLs, counters, multi-key operations and input checks
 * here; hashes in {@link HashConformance}, SCAN and deletePrefix in {@link ScanConformance}, pub/sub in
 * {@link PubSubConformance}, scripts in {@link ScriptingConformance}, and the coordination primitives built on them
 * (locks, rate limiters, work queues, embedding caches) in {@link CoordinationConformance}. The parts are test
 * interfaces over one {@link KeyValueFixture}, so each stays one readable file and one binding per deployment runs
 * them all.
 *
 * <pre>{@code
 * class RedisKeyValueTest extends KeyValueConformance {
 *   @RegisterExtension static final RedisService redis = new RedisService();
 *   protected String url() { return redis.url(); }
 *   protected String keyPrefix() { return redis.keyPrefix(); }
 *   public void passTime(Duration amount) { sleep(amount); }
 * }
 * }</pre>
 *
 * <p>Each test works in a view with a prefix of its own under {@link #keyPrefix()} and deletes it afterwards, so a
 * shared Redis is never flushed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class KeyValueConformance implements HashConformance, ScanConformance, PubSubConformance,
    ScriptingConformance, CoordinationConformance, BatchConformance {
  // long enough that a loaded CI machine reads the key before it expires, short enough to wait for on a server
  private static final Duration SHORT_TTL = Duration.ofSeconds(1);
  private static final Duration PAST_SHORT_TTL = Duration.ofMillis(1_200);
  private final Deque<AutoCloseable> closedAfterTest = new ArrayDeque<>();
  private ExecutorService threads;
  private KeyValue store;
  /** The view the current test works in. */
  protected KeyValue kv;

  /** The URL of the store under test (password included where needed). */
  protected abstract String url();

  /** A prefix no other test class uses on the same server. */
  protected abstract String keyPrefix();

  /** Options the store is opened with; memory tests pass a {@link dev.cairn.core.testing.ManualClock}. */
  protected KeyValueOptions options() {
    return KeyValueOptions.defaults();
  }

  @Override
  public KeyValue store() {
    return store;
  }

  @Override
  public KeyValue kv() {
    return kv;
  }

  /** Sleeps; for servers, whose clock cannot be moved. */
  protected static void sleep(Duration amount) {
    try {
      Thread.sleep(amount);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while letting time pass", e);
    }
  }

  @BeforeAll
  void openStore() {
    store = KeyValue.open(url(), options());
  }

  @AfterAll
  void closeStore() {
    if (store != null) {
      store.withPrefix(keyPrefix()).deletePrefix("");
      store.close();
    }
  }

  @BeforeEach
  void openView(TestInfo test) {
    kv = store.withPrefix(keyPrefix() + test.getTestMethod().orElseThrow().getName() + ":");
  }

  @AfterEach
  void cleanView() throws Exception {
    Exception failure = null;
    for (AutoCloseable resource = closedAfterTest.pollFirst(); resource != null;
        resource = closedAfterTest.pollFirst()) {
      try {
        resource.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    threads = null;
    kv.deletePrefix("");
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public <T extends AutoCloseable> T closeAfterTest(T resource) {
    closedAfterTest.addFirst(resource);
    return resource;
  }

  @Override
  public ExecutorService threads() {
    if (threads == null) {
      threads = Executors.newVirtualThreadPerTaskExecutor();
      closeAfterTest(threads::shutdownNow);
    }
    return threads;
  }

  @Test
  void get_missingKey_isEmpty() {
    assertThat(kv.get("missing")).isEmpty();
    assertThat(kv.getBytes("missing")).isEmpty();
  }

  @Test
  void set_thenGet_returnsValue() {
    kv.set("greeting", "héllo wörld ✓");

    assertThat(kv.get("greeting")).contains("héllo wörld ✓");
    assertThat(kv.exists("greeting")).isTrue();
  }

  @Test
  void set_existingKeyWithTtl_replacesValueAndClearsTtl() {
    kv.set("k", "one", Duration.ofMinutes(5));

    kv.set("k", "two");

    assertThat(kv.get("k")).contains("two");
    assertThat(kv.ttl("k").state()).isEqualTo(Ttl.State.PERSISTENT);
  }

  @Test
  void set_withTtl_expiresAfterTtl() {
    kv.set("short", "v", SHORT_TTL);
    assertThat(kv.get("short")).contains("v");

    passTime(PAST_SHORT_TTL);

    assertThat(kv.get("short")).isEmpty();
    assertThat(kv.exists("short")).isFalse();
    assertThat(kv.ttl("short").state()).isEqualTo(Ttl.State.MISSING);
  }

  @Test
  void set_ifAbsent_writesOnlyWhenMissing() {
    assertThat(kv.set("k", "first", SetOptions.ifAbsent())).isTrue();
    assertThat(kv.set("k", "second", SetOptions.ifAbsent())).isFalse();

    assertThat(kv.get("k")).contains("first");
  }

  @Test
  void set_ifAbsentAfterExpiry_writes() {
    kv.set("k", "old", Duration.ofMillis(200));
    passTime(Duration.ofMillis(500));

    assertThat(kv.set("k", "new", SetOptions.ifAbsent())).isTrue();
    assertThat(kv.get("k")).contains("new");
  }

  @Test
  void set_ifPresent_writesOnlyWhenExisting() {
    assertThat(kv.set("k", "ghost", SetOptions.ifPresent())).isFalse();
    assertThat(kv.exists("k")).isFalse();

    kv.set("k", "one");
    assertThat(kv.set("k", "two", SetOptions.ifPresent().withTtl(Duration.ofMinutes(1)))).isTrue();

    assertThat(kv.get("k")).contains("two");
    assertThat(kv.ttl("k").state()).isEqualTo(Ttl.State.EXPIRING);
  }

  @Test
  void setBytes_everyByteValue_roundTrips() {
    byte[] all = new byte[256];
    for (int i = 0; i < all.length; i++) {
      all[i] = (byte) i;
    }

    kv.setBytes("bin", all, SetOptions.always());

    assertThat(kv.getBytes("bin")).hasValueSatisfying(value -> assertThat(value).isEqualTo(all));
  }

  @Test
  void setBytes_callerChangesArrayAfterwards_storedValueUnchanged() {
    byte[] value = {1, 2, 3};
    kv.setBytes("bin", value, SetOptions.always());

    value[0] = 9;
    kv.getBytes("bin").orElseThrow()[1] = 9;

    assertThat(kv.getBytes("bin").orElseThrow()).containsExactly(1, 2, 3);
  }

  /** A value type for the JSON tests. */
  public record Point(String name, int x, List<String> tags) {}

  @Test
  void setJson_record_roundTrips() {
    Point point = new Point("p", 3, List.of("a", "b"));

    kv.setJson("point", point, SetOptions.always());

    assertThat(kv.getJson("point", Point.class)).contains(point);
    assertThat(kv.get("point").orElseThrow()).contains("\"name\":\"p\"");
  }

  @Test
  void getJson_valueNotJson_invalidJson() {
    kv.set("text", "not json {");

    assertThatThrownBy(() -> kv.getJson("text", Point.class))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("INVALID_JSON"));
  }

  @Test
  void set_emptyKey_emptyKeyAndNothingWritten() {
    long before = kv.scan("*").count();

    assertThatThrownBy(() -> kv.set("", "v"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("EMPTY_KEY"));
    assertThatThrownBy(() -> kv.get("")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> kv.delete("a", "")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> kv.hashGet("", "f")).isInstanceOf(InvalidInputException.class);
    assertThat(kv.scan("*").count()).isEqualTo(before);
  }

  /**
   * A lone UTF-16 surrogate cannot be stored as UTF-8 (the encoder would write '?', and a key would name another
   * key): every text argument holding one is refused INVALID {@code INVALID_UNICODE} and nothing is written.
   */
  @Test
  void set_loneSurrogate_invalidUnicodeAndNothingWritten() {
    for (String lone : List.of("\uD800", "a\uDFFFb", "x\uD83D")) {
      List<Runnable> calls = List.of(
          () -> kv.set("k", lone),
          () -> kv.set("k", lone, Duration.ofMinutes(1)),
          () -> kv.set("k" + lone, "v"),
          () -> kv.mset(Map.of("k", "v", "k2", lone)),
          () -> kv.hashSet("h", "f", lone),
          () -> kv.hashSet("h", "f" + lone, "v"),
          () -> kv.hashSet("h", Map.of("f", "v", "g", lone)),
          () -> kv.publish("ch", lone),
          () -> kv.get("k" + lone),
          () -> kv.withPrefix("p" + lone),
          () -> kv.deletePrefix("k" + lone),
          () -> kv.scan("k" + lone + "*").count());
      for (Runnable call : calls) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.code()).isEqualTo("INVALID_UNICODE"));
      }
    }
    kv.set("kept", "v");
    assertThatThrownBy(() -> kv.deletePrefix("k\uD800")).isInstanceOf(InvalidInputException.class);
    assertThat(kv.get("kept")).as("'k?' as a SCAN pattern would match it").contains("v");
    assertThat(kv.get("k")).isEmpty();
    assertThat(kv.get("k2")).isEmpty();
    assertThat(kv.hashGetAll("h")).isEmpty();
    assertThat(kv.get("k?")).isEmpty();
  }

  @Test
  void set_surrogatePairs_storedExactly() {
    String text = "smile \uD83D\uDE00, music \uD834\uDD1E";
    kv.set("pair:" + text, text);
    kv.hashSet("pairs", text, text);

    assertThat(kv.get("pair:" + text)).contains(text);
    assertThat(kv.hashGet("pairs", text)).contains(text);
  }

  @Test
  void set_valueOverConfiguredMax_valueTooLargeAndNothingWritten() {
    try (KeyValue small = KeyValue.open(url(), options().withMaxValueBytes(16))) {
      KeyValue view = small.withPrefix(kv.prefix());

      assertThatThrownBy(() -> view.set("big", "x".repeat(17)))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.code()).isEqualTo("VALUE_TOO_LARGE");
            assertThat(e.getMessage()).contains("big").contains("17 bytes").contains("16 bytes");
          });
      assertThatThrownBy(() -> view.mset(Map.of("ok", "v", "big", "y".repeat(20))))
          .isInstanceOf(InvalidInputException.class);
      assertThatThrownBy(() -> view.hashSet("h", "f", "z".repeat(17))).isInstanceOf(InvalidInputException.class);
      view.set("fits", "x".repeat(16));

      assertThat(view.exists("big")).isFalse();
      assertThat(view.exists("ok")).isFalse();
      assertThat(view.exists("h")).isFalse();
      assertThat(view.get("fits")).contains("x".repeat(16));
      view.deletePrefix("");
    }
  }

  @Test
  void set_ttlOutOfRange_invalidTtl() {
    assertThatThrownBy(() -> kv.set("k", "v", Duration.ZERO))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("INVALID_TTL"));
    assertThatThrownBy(() -> kv.expire("k", Duration.ofSeconds(-1))).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> kv.set("k", "v", Duration.ofSeconds(Long.MAX_VALUE)))
        .isInstanceOf(InvalidInputException.class);
    assertThat(kv.exists("k")).isFalse();
  }

  @Test
  void delete_someKeysMissing_countsExistingOnes() {
    kv.set("a", "1");
    kv.set("b", "2");

    assertThat(kv.delete("a", "b", "c")).isEqualTo(2);
    assertThat(kv.exists("a")).isFalse();
    assertThat(kv.delete()).isZero();
  }

  @Test
  void expire_missingKey_false() {
    assertThat(kv.expire("missing", Duration.ofSeconds(5))).isFalse();
    assertThat(kv.exists("missing")).isFalse();
  }

  @Test
  void expire_existingKey_expiresLater() {
    kv.set("k", "v");

    assertThat(kv.expire("k", SHORT_TTL)).isTrue();
    assertThat(kv.ttl("k").state()).isEqualTo(Ttl.State.EXPIRING);

    passTime(PAST_SHORT_TTL);
    assertThat(kv.exists("k")).isFalse();
  }

  @Test
  void ttl_eachState_reported() {
    kv.set("persistent", "v");
    kv.set("expiring", "v", Duration.ofSeconds(100));

    assertThat(kv.ttl("missing")).isEqualTo(Ttl.missing());
    assertThat(kv.ttl("persistent")).isEqualTo(Ttl.persistent());
    Ttl expiring = kv.ttl("expiring");
    assertThat(expiring.state()).isEqualTo(Ttl.State.EXPIRING);
    assertThat(expiring.remaining()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(100));
  }

  @Test
  void incr_missingKey_startsAtZero() {
    assertThat(kv.incr("n")).isEqualTo(1);
    assertThat(kv.incrBy("n", 41)).isEqualTo(42);
    assertThat(kv.decr("n")).isEqualTo(41);
    assertThat(kv.incrBy("n", -50)).isEqualTo(-9);
    assertThat(kv.get("n")).contains("-9");
  }

  @Test
  void incr_textValue_notAnIntegerAndUnchanged() {
    for (String notInteger : List.of("abc", "1.5", " 1", "+1", "01", "")) {
      kv.set("n", notInteger.isEmpty() ? " " : notInteger);

      assertThatThrownBy(() -> kv.incr("n"))
          .isInstanceOfSatisfying(InvalidInputException.class,
              e -> assertThat(e.code()).isEqualTo("NOT_AN_INTEGER"));
    }
    assertThat(kv.get("n")).contains(" ");
  }

  @Test
  void incrBy_overflow_notAnIntegerAndUnchanged() {
    kv.set("n", Long.toString(Long.MAX_VALUE));

    assertThatThrownBy(() -> kv.incr("n"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("NOT_AN_INTEGER"));
    assertThat(kv.get("n")).contains(Long.toString(Long.MAX_VALUE));
  }

  @Test
  void incr_keyWithTtl_keepsTtl() {
    kv.set("n", "5", Duration.ofMinutes(10));

    kv.incr("n");

    assertThat(kv.ttl("n").state()).isEqualTo(Ttl.State.EXPIRING);
  }

  @Test
  void mget_mixOfPresentAndMissing_returnsPresentInRequestOrder() {
    kv.set("c", "3");
    kv.set("a", "1");
    kv.hashSet("h", "f", "v");

    Map<String, String> found = kv.mget(List.of("a", "missing", "c", "h"));

    assertThat(found).containsExactly(Map.entry("a", "1"), Map.entry("c", "3"));
    assertThat(kv.mget(List.of())).isEmpty();
  }

  @Test
  void mgetBytes_binaryValues_returnedAsStored() {
    kv.setBytes("b1", new byte[] {0, -1, 127}, SetOptions.always());
    kv.setBytes("b2", new byte[0], SetOptions.always());

    Map<String, byte[]> found = kv.mgetBytes(List.of("b2", "missing", "b1"));

    assertThat(found).containsOnlyKeys("b2", "b1");
    assertThat(found.keySet()).containsExactly("b2", "b1");
    assertThat(found.get("b1")).containsExactly(0, -1, 127);
    assertThat(found.get("b2")).isEmpty();
  }

  @Test
  void mset_manyKeys_setsAll() {
    Map<String, String> entries = new LinkedHashMap<>();
    for (int i = 0; i < 50; i++) {
      entries.put("key" + i, "value" + i);
    }

    kv.mset(entries);

    assertThat(kv.mget(entries.keySet())).isEqualTo(entries);
  }

  @Test
  void incr_concurrentVirtualThreads_countsExactly() throws InterruptedException {
    int threads = 16;
    int perThread = 250;
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(Thread.ofVirtual().start(() -> {
        for (int i = 0; i < perThread; i++) {
          kv.incr("counter");
        }
      }));
    }
    for (Thread worker : workers) {
      worker.join();
    }

    assertThat(kv.get("counter")).contains(Integer.toString(threads * perThread));
  }

  @Test
  void withPrefix_views_compose() {
    KeyValue outer = kv.withPrefix("a:");
    KeyValue inner = outer.withPrefix("b:");

    inner.set("k", "v");

    assertThat(inner.prefix()).isEqualTo(kv.prefix() + "a:b:");
    assertThat(outer.get("b:k")).contains("v");
    assertThat(kv.get("a:b:k")).contains("v");
    assertThatThrownBy(() -> kv.withPrefix(""))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("EMPTY_PREFIX"));
  }

  @Test
  void close_view_leavesStoreOpen() {
    KeyValue view = kv.withPrefix("v:");
    view.close();

    view.set("k", "v");
    assertThat(kv.get("v:k")).contains("v");
  }

  @Test
  void close_store_laterCallsFailClosed() {
    KeyValue other = KeyValue.open(url(), options());
    Subscription subscription = other.withPrefix(kv.prefix()).subscribe(message -> { }, "c");
    other.close();

    assertThat(subscription.isOpen()).isFalse();
    other.close();

    assertThatThrownBy(() -> other.get("k"))
        .isInstanceOfSatisfying(CairnException.class, e -> assertThat(e.code()).isEqualTo("KV_CLOSED"));
  }

  @Test
  void ping_openStore_reportsLatencyOfItsOwnRoundTrip() {
    long before = System.nanoTime();
    Duration latency = kv.ping();
    Duration call = Duration.ofNanos(System.nanoTime() - before);

    // the round trip happens inside the call, so it cannot have taken longer than the call
    assertThat(latency).isBetween(Duration.ZERO, call);
  }

  @Test
  void ping_closedStore_failsClosed() {
    KeyValue other = KeyValue.open(url(), options());
    other.ping();
    other.close();

    assertThatThrownBy(other::ping)
        .isInstanceOfSatisfying(CairnException.class, e -> assertThat(e.code()).isEqualTo("KV_CLOSED"));
  }

  @Test
  void stats_afterWrites_countsKeys() {
    kv.set("one", "1");
    kv.set("two", "2");

    Stats stats = kv.stats();

    assertThat(stats.keys()).isGreaterThanOrEqualTo(2);
    assertThat(stats.backend()).isNotBlank();
    assertThat(stats.serverVersion()).isNotBlank();
  }

  @Test
  void getBytes_textValue_isUtf8() {
    kv.set("t", "ä");

    assertThat(kv.getBytes("t").orElseThrow()).isEqualTo("ä".getBytes(StandardCharsets.UTF_8));
  }
}
