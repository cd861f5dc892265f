package dev.cairn.subject.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.InvalidInputException;
import dev.cairn.core.NotFoundException;
import dev.cairn.subject.Change;
import dev.cairn.subject.NameLimits;
import dev.cairn.subject.PropertyKind;
import dev.cairn.subject.StoredSubject;
import dev.cairn.subject.PropertyValue;
import dev.cairn.subject.Subject;
import dev.cairn.subject.SubjectEvent;
import dev.cairn.subject.SubjectStorage;
import dev.cairn.subject.SubjectStorages;
import dev.cairn.subject.Subjects;
import dev.cairn.subject.Write;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The behaviour every {@link SubjectStorage} must show, written once and run against each storage by extending this
 * class and opening the storage. Each test works on subjects with names of its own and flushes them afterwards,
 * so a shared server needs no cleanup beyond that.
 *
 * <pre>{@code
 * class RedisSubjectStorageTest extends SubjectStorageConformance {
 *   @RegisterExtension static final RedisService REDIS = new RedisService();
 *   protected SubjectStorage openStorage() { return SubjectStorages.open(REDIS.url() + "?keyPrefix=" + ...); }
 *   protected boolean persistent() { return true; }
 * }
 * }</pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SubjectStorageConformance {
  private SubjectStorage storage;
  private Subjects subjects;
  private final List<SubjectEvent> events = new CopyOnWriteArrayList<>();
  private final List<String> usedNames = new ArrayList<>();

  /** Opens the storage under test; it is closed after the class. */
  protected abstract SubjectStorage openStorage();

  /** Whether the storage under test keeps subjects beyond the process. */
  protected abstract boolean persistent();

  @BeforeAll
  void open() {
    storage = openStorage();
    subjects = Subjects.on(storage);
    subjects.addListener(events::add);
  }

  @AfterAll
  void close() {
    if (subjects != null) {
      subjects.close();
    }
  }

  @BeforeEach
  void clearEvents() {
    events.clear();
  }

  @AfterEach
  void flushUsedSubjects() {
    usedNames.forEach(storage::flush);
    usedNames.clear();
  }

  /** A subject name no other test uses, flushed after the test. */
  protected String name(String hint) {
    String name = hint + "-" + UUID.randomUUID().toString().substring(0, 8);
    usedNames.add(name);
    return name;
  }

  @Test
  void storage_flags_tellTheTruth() {
    assertThat(storage.isPersistent()).isEqualTo(persistent());
    assertThat(storage.isConcurrencySafe()).isTrue();
  }

  @Test
  void store_everyValueShape_readsBackEqual() {
    String name = name("shapes");
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("quote", "say \"hi\"");
    values.put("backslash", "C:\\temp\\new");
    values.put("unicode", "é 日本 😀 \u0001 \u007f");
    values.put("integer", 30L);
    values.put("negative", -7L);
    values.put("float", 1.5);
    values.put("tiny", 1e-05);
    values.put("true", true);
    values.put("null", null);
    values.put("list", Arrays.asList(1L, "a", null, List.of(2.5)));
    values.put("nested", Map.of("a", Map.of("b", List.of(true, false))));
    Subject writer = subjects.get(name);
    values.forEach(writer::set);
    writer.store();

    Subject reader = subjects.get(name);
    assertThat(reader.toMap()).isEqualTo(values);
    assertThat(reader.has("null")).isTrue();
    assertThat(reader.get("null")).isNull();
  }

  @Test
  void store_writesAndDeletes_allAppliedAtOnce() {
    String name = name("batch");
    Subject subject = subjects.get(name);
    subject.set("keep", 1, Write.DIRECT);
    subject.set("drop", 2, Write.DIRECT);
    subject.set("keep", 10);
    subject.delete("drop");
    subject.set("added", "x");
    assertThat(subjects.get(name).toMap()).isEqualTo(Map.of("keep", 1L, "drop", 2L));

    subject.store();
    assertThat(subjects.get(name).toMap()).isEqualTo(Map.of("keep", 10L, "added", "x"));
  }

  @Test
  void subjects_twoNames_isolated() {
    String first = name("first");
    String second = name("second");
    subjects.get(first).set("color", "red", Write.DIRECT);
    subjects.get(second).set("color", "blue", Write.DIRECT);
    subjects.get(second).flush();
    assertThat(subjects.get(first).get("color")).isEqualTo("red");
    assertThat(subjects.get(second).has("color")).isFalse();
  }

  @Test
  void set_cachedAndDirect_returnNewAndOld() {
    Subject subject = subjects.get(name("returns"));
    assertThat(subject.set("n", 1, Write.DIRECT)).isEqualTo(new Change(1L, null, false));
    assertThat(subject.set("n", 2, Write.DIRECT)).isEqualTo(new Change(2L, 1L, true));
    assertThat(subject.set("n", 3)).isEqualTo(new Change(3L, 2L, true));
    assertThat(subject.set("n", old -> (Long) old * 10)).isEqualTo(new Change(30L, 3L, true));
    assertThat(subject.set("n", old -> (Long) old + 1, Write.DIRECT)).isEqualTo(new Change(3L, 2L, true));
  }

  @Test
  void set_functionThrows_subjectAndStorageUsable() {
    String name = name("throws");
    Subject subject = subjects.get(name);
    subject.set("n", 1, Write.DIRECT);
    IllegalStateException boom = new IllegalStateException("boom");
    assertThatThrownBy(() -> subject.set("n", old -> {
      throw boom;
    }, Write.DIRECT)).isSameAs(boom);
    assertThatThrownBy(() -> subject.set("n", old -> {
      throw boom;
    })).isSameAs(boom);

    assertThat(subjects.get(name).get("n")).isEqualTo(1L);
    assertThat(subject.set("n", old -> (Long) old + 1, Write.DIRECT).value()).isEqualTo(2L);
    assertThat(subjects.get(name).get("n")).isEqualTo(2L);
  }

  @Test
  void set_functionReturnsUnsupportedValue_changesNothing() {
    String name = name("unsupported");
    Subject subject = subjects.get(name);
    subject.set("n", 1, Write.DIRECT);
    assertThatThrownBy(() -> subject.set("n", old -> new Object(), Write.DIRECT))
        .isInstanceOf(InvalidInputException.class).hasFieldOrPropertyWithValue("code", "UNSUPPORTED_VALUE");
    assertThat(subjects.get(name).get("n")).isEqualTo(1L);
  }

  @Test
  void flush_storedSubject_goneEverywhere() {
    String name = name("flush");
    Subject subject = subjects.get(name);
    subject.set("a", 1, Write.DIRECT);
    subject.setExt("b", 2, Write.DIRECT);
    subject.flush();
    assertThat(subject.toMap()).isEmpty();
    assertThat(storage.load(name).isEmpty()).isTrue();
    assertThat(storage.flush(name)).isFalse();
    assertThat(events).last().isEqualTo(new SubjectEvent.SubjectDeleted(name,
        new StoredSubject(Map.of("a", 1L), Map.of("b", 2L))));
  }

  @Test
  void setExt_sameNameAsProperty_keptApart() {
    String name = name("ext");
    Subject subject = subjects.get(name);
    subject.set("login", "property");
    subject.setExt("login", "2024-01-01T12:00:00");
    subject.store();
    Subject reader = subjects.get(name);
    assertThat(reader.get("login")).isEqualTo("property");
    assertThat(reader.getExt("login")).isEqualTo("2024-01-01T12:00:00");
    assertThat(reader.extProps()).isEqualTo(Map.of("login", "2024-01-01T12:00:00"));
    assertThat(reader.deleteExt("login", Write.DIRECT)).isEqualTo("2024-01-01T12:00:00");
    assertThat(subjects.get(name).toMap()).isEqualTo(Map.of("login", "property"));
    assertThat(subjects.get(name).extProps()).isEmpty();
  }

  @Test
  void events_changesDeletesAndFlush_reportedInOrder() {
    String name = name("events");
    Subject subject = subjects.get(name);
    subject.set("n", 1, Write.DIRECT);
    subject.set("n", 1, Write.DIRECT);
    subject.set("n", 2, Write.DIRECT.mute());
    subject.set("n", 3);
    subject.setExt("x", 1);
    subject.store();
    subject.delete("n", Write.DIRECT);
    subject.flush();
    assertThat(events).containsExactly(
        new SubjectEvent.PropertyChanged(name, "n", 1L, null, false),
        new SubjectEvent.PropertyChanged(name, "n", 3L, 2L, true),
        new SubjectEvent.PropertyDeleted(name, "n", 3L),
        new SubjectEvent.PropertyDeleted(name, "x", 1L, PropertyKind.EXTENDED),
        new SubjectEvent.SubjectDeleted(name, new StoredSubject(Map.of(), Map.of("x", 1L))));
  }

  @Test
  void delete_missing_notFoundAndNothingChanged() {
    String name = name("missing");
    Subject subject = subjects.get(name);
    subject.set("other", 1, Write.DIRECT);
    assertThatThrownBy(() -> subject.delete("nope", Write.DIRECT)).isInstanceOf(NotFoundException.class)
        .hasFieldOrPropertyWithValue("code", "PROPERTY_NOT_FOUND");
    assertThatThrownBy(() -> subject.delete("nope")).isInstanceOf(NotFoundException.class);
    assertThat(subjects.get(name).toMap()).isEqualTo(Map.of("other", 1L));
  }

  @Test
  void set_cached_otherInstancesSeeItOnlyAfterStore() {
    String name = name("cached");
    Subject writer = subjects.get(name);
    Subject other = subjects.get(name);
    writer.set("n", 1);
    assertThat(other.toMap()).isEmpty();
    writer.store();
    assertThat(other.has("n")).as("a loaded cache until reload").isFalse();
    assertThat(subjects.get(name).has("n")).as("a fresh subject reads storage").isTrue();
    other.reload();
    assertThat(other.get("n")).isEqualTo(1L);
  }

  @Test
  void get_unloadedSubject_readsSinglePropertiesFromStorage() {
    String name = name("single");
    Subject reader = subjects.get(name);
    assertThat(reader.has("n")).isFalse();
    assertThat(reader.get("n", "fallback")).isEqualTo("fallback");
    subjects.get(name).set("n", null, Write.DIRECT);
    subjects.get(name).setExt("n", "ext", Write.DIRECT);
    assertThat(reader.has("n")).isTrue();
    assertThat(reader.get("n", "fallback")).isNull();
    assertThat(reader.getExt("n")).isEqualTo("ext");
    assertThatThrownBy(() -> reader.get("absent")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void increment_direct_countsFromZeroAndKeepsJsonInteger() {
    String name = name("counter");
    Subject subject = subjects.get(name);
    assertThat(subject.increment("hits", 5, Write.DIRECT)).isEqualTo(new Change(5L, null, false));
    assertThat(subject.increment("hits", -2, Write.DIRECT)).isEqualTo(new Change(3L, 5L, true));
    assertThat(subjects.get(name).get("hits")).isEqualTo(3L);
  }

  @Test
  void increment_nonInteger_notAnIntegerAndUnchanged() {
    String name = name("not-integer");
    Subject subject = subjects.get(name);
    subject.set("price", 1.5, Write.DIRECT);
    assertThatThrownBy(() -> subject.increment("price", 1, Write.DIRECT)).isInstanceOf(InvalidInputException.class)
        .hasFieldOrPropertyWithValue("code", "NOT_AN_INTEGER");
    assertThat(subjects.get(name).get("price")).isEqualTo(1.5);
  }

  @Test
  void set_directFunctionFromEightThreads_noUpdateLost() throws Exception {
    String name = name("contended");
    int threads = 8;
    int rounds = 50;
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          Subject subject = subjects.get(name);
          for (int i = 0; i < rounds; i++) {
            subject.set("n", old -> old == null ? 1L : (Long) old + 1, Write.DIRECT.mute());
            subject.set("other-" + thread, i, Write.DIRECT.mute());
          }
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    }
    assertThat(subjects.get(name).get("n")).isEqualTo((long) threads * rounds);
    assertThat(subjects.get(name).get("other-3")).isEqualTo((long) rounds - 1);
  }

  @Test
  void increment_cached_appliedOnStoreOnly() {
    String name = name("cached-counter");
    Subject subject = subjects.get(name);
    subject.set("hits", 40, Write.DIRECT);
    assertThat(subject.increment("hits", 2, Write.CACHED)).isEqualTo(new Change(42L, 40L, true));
    assertThat(subject.increment("fresh", 1, Write.CACHED)).isEqualTo(new Change(1L, null, false));
    assertThat(subjects.get(name).get("hits")).as("not stored yet").isEqualTo(40L);
    assertThat(subjects.get(name).has("fresh")).isFalse();

    subject.store();
    assertThat(subjects.get(name).toMap()).isEqualTo(Map.of("hits", 42L, "fresh", 1L));
    assertThat(events).contains(new SubjectEvent.PropertyChanged(name, "hits", 42L, 40L, true));
  }

  @Test
  void keys_loadedSubject_iteratesStoredAndCachedNamesOnly() {
    String name = name("keys");
    Subject writer = subjects.get(name);
    writer.set("a", 1, Write.DIRECT);
    writer.set("b", 2, Write.DIRECT);
    writer.setExt("ext-only", 3, Write.DIRECT);

    Subject subject = subjects.get(name);
    List<String> seen = new ArrayList<>();
    for (String key : subject.keys()) {
      seen.add(key);
    }
    assertThat(seen).containsExactlyInAnyOrder("a", "b");
    subject.set("c", 3);
    subject.delete("a");
    assertThat(subject.keys()).containsExactlyInAnyOrder("b", "c");
    assertThatThrownBy(() -> subject.keys().add("x")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(subjects.get(name).keys()).as("storage unchanged until store").containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void router_toThisStorage_writesLandHereAndOthersInFallback() {
    String routed = name("routed");
    String other = name("elsewhere");
    SubjectStorage fallback = SubjectStorages.memory();
    // Not closed: closing a router closes the storage under test, which the class still uses.
    Subjects routedSubjects = Subjects.on(SubjectStorages.router(Map.of("routed-", storage), fallback));
    Subject viaRouter = routedSubjects.get(routed);
    viaRouter.set("n", 1);
    viaRouter.setExt("e", "x");
    viaRouter.store();
    assertThat(viaRouter.increment("n", 4, Write.DIRECT).value()).isEqualTo(5L);
    assertThat(viaRouter.set("m", old -> "computed", Write.DIRECT).value()).isEqualTo("computed");
    routedSubjects.get(other).set("n", 2, Write.DIRECT);

    assertThat(subjects.get(routed).toMap()).isEqualTo(Map.of("n", 5L, "m", "computed"));
    assertThat(subjects.get(routed).extProps()).isEqualTo(Map.of("e", "x"));
    assertThat(storage.load(other).isEmpty()).isTrue();
    assertThat(fallback.load(other).properties()).isEqualTo(Map.of("n", 2L));
    assertThat(routedSubjects.get(routed).deleteExt("e", Write.DIRECT)).isEqualTo("x");
    routedSubjects.get(routed).flush();
    assertThat(storage.load(routed).isEmpty()).isTrue();
    fallback.close();
  }

  @Test
  void hasExt_unloadedAndLoaded_tellsExtendedPresenceOnly() {
    String name = name("has-ext");
    subjects.get(name).set("plain", 1, Write.DIRECT);
    subjects.get(name).setExt("meta", null, Write.DIRECT);
    Subject unloaded = subjects.get(name);
    assertThat(unloaded.hasExt("meta")).isTrue();
    assertThat(unloaded.hasExt("plain")).isFalse();
    Subject loaded = subjects.get(name);
    loaded.reload();
    assertThat(loaded.hasExt("meta")).isTrue();
    assertThat(loaded.hasExt("plain")).isFalse();
    loaded.deleteExt("meta");
    assertThat(loaded.hasExt("meta")).isFalse();
  }

  @Test
  void dict_storedSubject_nameAndPropertiesAndExtInOneMap() {
    String name = name("dict");
    Subject writer = subjects.get(name);
    writer.set("a", 1);
    writer.set("b", "x");
    writer.setExt("e", true);
    writer.store();
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("name", name);
    expected.put("a", 1L);
    expected.put("b", "x");
    expected.put("ext", Map.of("e", true));
    assertThat(subjects.get(name).dict()).isEqualTo(expected);
    String empty = name("empty");
    assertThat(subjects.get(empty).dict()).isEqualTo(Map.of("name", empty, "ext", Map.of()));
  }

  @Test
  void setExt_function_directIsAtomicAndCachedStaysInCache() throws Exception {
    String name = name("ext-function");
    Subject subject = subjects.get(name);
    assertThat(subject.setExt("seen", old -> old == null ? 1L : (Long) old + 1, Write.DIRECT))
        .isEqualTo(new Change(1L, null, false));
    assertThat(subject.setExt("seen", old -> (Long) old * 10)).isEqualTo(new Change(10L, 1L, true));
    assertThat(subjects.get(name).getExt("seen")).isEqualTo(1L);
    subject.store();
    assertThat(subjects.get(name).getExt("seen")).isEqualTo(10L);
    assertThat(subject.setExt("nothing", (UnaryOperator<Object>) null, Write.DIRECT).value())
        .isNull();
    assertThat(subjects.get(name).hasExt("nothing")).isTrue();

    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        done.add(pool.submit(() -> {
          Subject writer = subjects.get(name);
          for (int i = 0; i < 25; i++) {
            writer.setExt("seen", old -> (Long) old + 1, Write.DIRECT);
          }
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    }
    assertThat(subjects.get(name).getExt("seen")).isEqualTo(110L);
    assertThat(events).as("extended properties emit no events").isEmpty();
  }

  @Test
  void decrement_directAndCached_subtracts() {
    String name = name("decrement");
    Subject subject = subjects.get(name);
    assertThat(subject.decrement("stock", 3, Write.DIRECT)).isEqualTo(new Change(-3L, null, false));
    subject.set("stock", 10, Write.DIRECT);
    assertThat(subject.decrement("stock", 4, Write.DIRECT)).isEqualTo(new Change(6L, 10L, true));
    assertThat(subject.decrement("stock", 1, Write.CACHED)).isEqualTo(new Change(5L, 6L, true));
    assertThat(subjects.get(name).get("stock")).isEqualTo(6L);
    subject.store();
    assertThat(subjects.get(name).get("stock")).isEqualTo(5L);
  }

  @Test
  void defaultWrite_directSubject_writesWithoutModeGoToStorageAtOnce() {
    String name = name("default-direct");
    Subject subject = subjects.get(name, Write.DIRECT);
    assertThat(subject.defaultWrite()).isEqualTo(Write.DIRECT);
    assertThat(subjects.get(name).defaultWrite()).isEqualTo(Write.CACHED);
    subject.set("a", 1);
    subject.set("b", old -> "computed");
    subject.setExt("e", 2);
    subject.increment("a", 4);
    subject.decrement("a", 1);
    assertThat(subjects.get(name).toMap()).isEqualTo(Map.of("a", 4L, "b", "computed"));
    assertThat(subjects.get(name).extProps()).isEqualTo(Map.of("e", 2L));
    subject.delete("b");
    subject.deleteExt("e");
    assertThat(subjects.get(name).toMap()).isEqualTo(Map.of("a", 4L));
    assertThat(subjects.get(name).extProps()).isEmpty();

    Subject cached = subjects.get(name, Write.CACHED);
    cached.set("a", 100);
    assertThat(subjects.get(name).get("a")).isEqualTo(4L);
  }

  @Test
  void stored_loadedCache_readsStorageNotTheCache() {
    String name = name("stored");
    Subject subject = subjects.get(name);
    subject.set("n", 1, Write.DIRECT);
    subject.setExt("e", "old", Write.DIRECT);
    subject.reload();
    subjects.get(name).set("n", 2, Write.DIRECT);
    subjects.get(name).setExt("e", "new", Write.DIRECT);
    subject.set("pending", true);

    assertThat(subject.get("n")).as("the loaded cache").isEqualTo(1L);
    assertThat(subject.stored("n")).isEqualTo(new PropertyValue(2L));
    assertThat(subject.storedExt("e")).isEqualTo(new PropertyValue("new"));
    assertThat(subject.stored("pending")).as("cached, not stored").isNull();
    assertThat(subject.get("n")).as("a direct read leaves the cache alone").isEqualTo(1L);
    assertThat(subject.get("pending")).isEqualTo(true);
  }

  @Test
  void names_emptyPropertyAnd250CharacterNames_workLikeAnyOther() {
    String base = name("long");
    String subjectName = base + "s".repeat(250 - base.length());
    usedNames.add(subjectName);
    String longProperty = "p".repeat(250);
    Subject subject = subjects.get(subjectName);
    subject.set("", "empty name");
    subject.set(longProperty, 1);
    subject.setExt("", "empty ext");
    subject.setExt(longProperty, "long ext");
    subject.store();

    Subject reader = subjects.get(subjectName);
    assertThat(reader.get("")).isEqualTo("empty name");
    assertThat(reader.has(longProperty)).isTrue();
    assertThat(reader.getExt("")).isEqualTo("empty ext");
    assertThat(reader.toMap()).isEqualTo(Map.of("", "empty name", longProperty, 1L));
    assertThat(reader.extProps()).isEqualTo(Map.of("", "empty ext", longProperty, "long ext"));
    assertThat(reader.increment(longProperty, 1, Write.DIRECT).value()).isEqualTo(2L);
    assertThat(reader.set("", old -> old + "!", Write.DIRECT).value()).isEqualTo("empty name!");
    assertThat(reader.delete("", Write.DIRECT)).isEqualTo("empty name!");
    assertThat(reader.deleteExt(longProperty, Write.DIRECT)).isEqualTo("long ext");
    assertThat(subjects.get(subjectName).toMap()).isEqualTo(Map.of(longProperty, 2L));
    assertThat(subjects.get(subjectName).extProps()).isEqualTo(Map.of("", "empty ext"));
  }

  @Test
  void names_beyondTheStorageLimit_refusedNamingTheLimitAndNothingWritten() {
    NameLimits limits = storage.nameLimits();
    assertThat(limits.maxChars()).isGreaterThanOrEqualTo(250);
    assertThat(limits.maxUtf8Bytes()).as("never beyond Redis' own limit on keys and fields")
        .isLessThanOrEqualTo(NameLimits.REDIS.maxUtf8Bytes());
    if (limits.maxChars() > 100_000) {
      return; // Redis' limit (512 MiB) is tested on Names itself: a name that long is no test input
    }
    String name = name("limits");
    String tooLong = "x".repeat(limits.maxChars() + 1);
    Subject subject = subjects.get(name);
    assertThatThrownBy(() -> subject.set(tooLong, 1, Write.DIRECT)).isInstanceOfSatisfying(
        InvalidInputException.class, e -> {
          assertThat(e.code()).isEqualTo("INVALID_PROPERTY_NAME");
          assertThat(e.getMessage()).contains(String.valueOf(limits.maxChars()));
        });
    assertThatThrownBy(() -> subjects.get(tooLong)).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.code()).isEqualTo("INVALID_SUBJECT_NAME"));
    assertThat(storage.load(name).isEmpty()).isTrue();
  }

  @Test
  void increment_past64Bits_keepsCountingAsBigInteger() {
    String name = name("big");
    BigInteger max = BigInteger.valueOf(Long.MAX_VALUE);
    Subject subject = subjects.get(name);
    subject.set("n", Long.MAX_VALUE, Write.DIRECT);
    assertThat(subject.increment("n", 1, Write.DIRECT))
        .isEqualTo(new Change(max.add(BigInteger.ONE), Long.MAX_VALUE, true));
    assertThat(subject.increment("n", 1, Write.DIRECT).value()).isEqualTo(new BigInteger("9223372036854775809"));
    assertThat(subjects.get(name).get("n")).isEqualTo(new BigInteger("9223372036854775809"));
    assertThat(subject.decrement("n", 2, Write.DIRECT))
        .as("back within 64 bits: a Long again").isEqualTo(new Change(Long.MAX_VALUE, max.add(BigInteger.TWO), true));
    assertThat(subject.increment("n", Long.MAX_VALUE, Write.DIRECT).value()).isEqualTo(max.add(max));

    subject.set("low", Long.MIN_VALUE, Write.DIRECT);
    assertThat(subject.decrement("low", 1, Write.DIRECT).value())
        .isEqualTo(BigInteger.valueOf(Long.MIN_VALUE).subtract(BigInteger.ONE));

    BigInteger huge = BigInteger.TWO.pow(100);
    subject.set("huge", huge, Write.DIRECT);
    Subject cached = subjects.get(name);
    assertThat(cached.increment("huge", 5).value()).isEqualTo(huge.add(BigInteger.valueOf(5)));
    cached.store();
    assertThat(subjects.get(name).get("huge")).isEqualTo(huge.add(BigInteger.valueOf(5)));
    assertThat(subject.set("huge", old -> ((BigInteger) old).negate(), Write.DIRECT).value())
        .isEqualTo(huge.add(BigInteger.valueOf(5)).negate());
  }

  @Test
  void increment_concurrentAcross64BitBoundary_noUpdateLost() throws Exception {
    String name = name("big-contended");
    subjects.get(name).set("n", Long.MAX_VALUE - 50, Write.DIRECT);
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        done.add(pool.submit(() -> {
          Subject subject = subjects.get(name);
          for (int i = 0; i < 50; i++) {
            subject.increment("n", 1, Write.DIRECT.mute());
          }
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    }
    assertThat(subjects.get(name).get("n")).isEqualTo(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.valueOf(150)));
  }

  @Test
  void events_noneOnAbsentProperty_storedWithoutEvent() {
    String name = name("none-absent");
    Subject subject = subjects.get(name);
    assertThat(subject.set("direct", null, Write.DIRECT)).isEqualTo(new Change(null, null, false));
    subject.set("cached", null);
    subject.store();
    assertThat(events).as("KRules: None == None, nothing changed").isEmpty();
    assertThat(subjects.get(name).has("direct")).isTrue();
    assertThat(subjects.get(name).has("cached")).isTrue();
    subject.set("direct", 0, Write.DIRECT);
    assertThat(events).containsExactly(new SubjectEvent.PropertyChanged(name, "direct", 0L, null, true));
  }

  @Test
  void events_valuesEqualInPython_storedWithoutEvent() {
    String name = name("python-equal");
    Subject subject = subjects.get(name);
    subject.set("n", 1, Write.DIRECT);
    subject.set("b", true, Write.DIRECT);
    subject.set("l", List.of(1L, Map.of("k", false)), Write.DIRECT);
    subject.set("big", BigInteger.TWO.pow(64), Write.DIRECT);
    events.clear();

    subject.set("n", 1.0, Write.DIRECT);
    subject.set("b", 1, Write.DIRECT);
    subject.set("l", List.of(1.0, Map.of("k", 0L)));
    subject.set("big", Math.pow(2, 64), Write.DIRECT);
    subject.store();
    assertThat(events).as("1 == 1.0, True == 1, [1, {k: False}] == [1.0, {k: 0}], 2**64 == 2.0**64").isEmpty();
    assertThat(subjects.get(name).get("n")).as("the new value is stored all the same").isEqualTo(1.0);
    assertThat(subjects.get(name).get("b")).isEqualTo(1L);

    subject.set("n", "1", Write.DIRECT);
    subject.set("b", 1.5, Write.DIRECT);
    subject.set("l", List.of(1.0), Write.DIRECT);
    assertThat(events).containsExactly(
        new SubjectEvent.PropertyChanged(name, "n", "1", 1.0, true),
        new SubjectEvent.PropertyChanged(name, "b", 1.5, 1L, true),
        new SubjectEvent.PropertyChanged(name, "l", List.of(1.0), List.of(1.0, Map.of("k", 0L)), true));
  }

  @Test
  void flush_propertiesAndExt_eachDeletedThenSubjectWithSnapshot() {
    String name = name("flush-events");
    Subject subject = subjects.get(name);
    subject.set("a", 1);
    subject.set("b", "two");
    subject.setExt("e", true);
    subject.store();
    events.clear();

    subjects.get(name).flush();
    assertThat(events).hasSize(4);
    assertThat(events.subList(0, 3)).containsExactlyInAnyOrder(
        new SubjectEvent.PropertyDeleted(name, "a", 1L),
        new SubjectEvent.PropertyDeleted(name, "b", "two"),
        new SubjectEvent.PropertyDeleted(name, "e", true, PropertyKind.EXTENDED));
    assertThat(events.get(3)).isEqualTo(new SubjectEvent.SubjectDeleted(name,
        new StoredSubject(Map.of("a", 1L, "b", "two"), Map.of("e", true))));
    assertThat(storage.load(name).isEmpty()).isTrue();

    events.clear();
    subjects.get(name).flush();
    assertThat(events).containsExactly(new SubjectEvent.SubjectDeleted(name, StoredSubject.EMPTY));
  }

  @Test
  void names_byPrefix_listsStoredSubjectsOnlyAndTakesGlobCharactersLiterally() {
    String base = name("list");
    String first = base + "-a";
    String second = base + "-b";
    String globby = base + "-*?[x]\\";
    usedNames.addAll(List.of(first, second, globby));
    subjects.get(first).set("x", 1, Write.DIRECT);
    subjects.get(second).setExt("y", 1, Write.DIRECT);
    subjects.get(globby).set("z", 1, Write.DIRECT);
    subjects.get(base + "-cached").set("never", "stored");

    assertThat(storage.names(base)).containsExactlyInAnyOrder(first, second, globby);
    assertThat(storage.names(base + "-*")).containsExactly(globby);
    assertThat(storage.names(base + "-zzz")).isEmpty();
    subjects.get(first).flush();
    assertThat(storage.names(base)).containsExactlyInAnyOrder(second, globby);
  }
}
