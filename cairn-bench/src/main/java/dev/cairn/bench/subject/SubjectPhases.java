package dev.cairn.bench.subject;

import dev.cairn.bench.BenchProgress;
import dev.cairn.bench.kv.SideBySide;
import dev.cairn.kv.spi.RedisAccess;
import dev.cairn.subject.Subject;
import dev.cairn.subject.Subjects;
import dev.cairn.subject.Write;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The three phases of {@link SubjectBench}, each Cairn against raw Lettuce commands on Cairn's own shared
 * connection ({@link RedisAccess}), so both sides share the connection model and the only difference is Cairn's
 * subject layer. The raw side writes and reads the same KRules layout (hash {@code s:<prefix><name>}, field
 * {@code p<property>}, JSON text values). Counts what the lines report beside the rates. Not thread-safe; run the
 * phases one after the other.
 */
final class SubjectPhases {
  private static final String CAIRN = "cairn";
  private static final int PROPERTIES_STORED = 100;
  /** Measurements of each phase, the best kept (see {@link SideBySide#measure}). */
  private static final int REPEATS = 2;

  private final SubjectBenchOptions options;
  private final Subjects subjects;
  private final RedisAccess raw;
  private final String keyPrefix;
  private final LongAdder stores = new LongAdder();
  private final LongAdder rawStores = new LongAdder();
  private final LongAdder increments = new LongAdder();
  private long storeRoundTrips;
  private long lostIncrements;

  SubjectPhases(SubjectBenchOptions options, Subjects subjects, RedisAccess raw, String keyPrefix) {
    this.options = options;
    this.subjects = subjects;
    this.raw = raw;
    this.keyPrefix = keyPrefix;
  }

  /**
   * 100 cached sets and one store() per operation, from one thread, against one HSET of the same 100 fields. Each
   * operation writes a subject not stored before (the first cached set loads it, finding nothing).
   */
  SideBySide store100(BenchProgress bar) {
    var storage = subjects.storage();
    return new SideBySide("subject.store100")
        .peer(CAIRN, (thread, index) -> {
          Subject subject = subjects.get("store-" + stores.sum());
          for (int property = 0; property < PROPERTIES_STORED; property++) {
            subject.set("p" + property, property);
          }
          long before = storage.stats().roundTrips();
          subject.store();
          storeRoundTrips += storage.stats().roundTrips() - before;
          stores.increment();
        })
        .peer("lettuce_hset", (thread, index) -> {
          // what store() sends: the fields in KRules' layout, each value its JSON text
          Map<String, byte[]> fields = new LinkedHashMap<>();
          for (int property = 0; property < PROPERTIES_STORED; property++) {
            fields.put("pp" + property, Integer.toString(property).getBytes(StandardCharsets.UTF_8));
          }
          String key = key("raw-store-" + rawStores.sum());
          raw.call("HSET", commands -> commands.hset(key, fields));
          rawStores.increment();
        })
        .measure(1, options.stores(), REPEATS, bar);
  }

  /** Request/reply exchanges per store() in {@link #store100}, as the storage counted them. */
  double roundTripsPerStore() {
    return (double) storeRoundTrips / stores.sum();
  }

  /** Threads incrementing one property directly, against HINCRBY of one field of another hash. */
  SideBySide incrementContended(BenchProgress bar) {
    int threads = options.incrementThreads();
    Subject[] perThread = new Subject[threads];
    for (int thread = 0; thread < threads; thread++) {
      perThread[thread] = subjects.get("contended");
    }
    String rawKey = key("raw-contended");
    SideBySide measured = new SideBySide("subject.incr_contended")
        .peer(CAIRN, (thread, index) -> {
          perThread[thread].increment("counter", 1, Write.DIRECT.mute());
          increments.increment();
        })
        .peer("lettuce_hincrby", (thread, index) ->
            raw.call("HINCRBY", commands -> commands.hincrby(rawKey, "pcounter", 1)))
        .measure(threads, threads * options.incrementsPerThread(), REPEATS, bar);
    lostIncrements = increments.sum() - (Long) subjects.get("contended").get("counter");
    return measured;
  }

  /** Increments issued in {@link #incrementContended} that the stored counter does not hold. */
  long lostIncrements() {
    return lostIncrements;
  }

  /**
   * A fresh subject's property per operation against HGET of the same field decoded to a String, the least any
   * caller does with the bytes (Cairn decodes the JSON string {@code "value-1"} to one).
   */
  SideBySide get(BenchProgress bar) {
    Subject seed = subjects.get("read");
    for (int property = 0; property < 10; property++) {
      seed.set("p" + property, "value-" + property);
    }
    seed.store();
    String key = key("read");
    return new SideBySide("subject.get")
        .peer(CAIRN, (thread, index) -> subjects.get("read").get("p1"))
        .peer("lettuce_hget", (thread, index) ->
            new String(raw.call("HGET", commands -> commands.hget(key, "pp1")), StandardCharsets.UTF_8))
        .measure(options.getThreads(), options.gets(), REPEATS, bar);
  }

  /** The hash of a subject in KRules' layout, as SubjectStorages.redis documents it (the store has no view prefix). */
  private String key(String subject) {
    return raw.fullKey("s:" + keyPrefix + subject);
  }
}
