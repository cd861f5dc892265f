package dev.cairn.bench.kv;

import dev.cairn.core.StoreUrl;
import dev.cairn.kv.KeyValue;
import dev.cairn.kv.coord.Locks;
import dev.cairn.kv.coord.RateLimiter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The key-value workload of {@code cairn bench kv}: in one process and one run, against one Redis, SET and GET of
 * fixed-size values from many virtual threads through Cairn, raw Lettuce and redis-benchmark (plain and with
 * {@code -P 16}), then Cairn's sliding-window and GCRA rate-limit checks and lock acquire+release pairs, then the
 * memory store against a bare {@link ConcurrentHashMap}. Prints one line per phase:
 *
 * <pre>
 * kv.set cairn=N lettuce=N jedis=- redisson=- redis_benchmark=N redis_benchmark_p16=N
 * kv.memory.set cairn=N map=N
 * </pre>
 *
 * <p>where N is operations per second and {@code -} marks a peer not measured: Jedis and Redisson are not
 * dependencies of cairn-bench yet, and raw Lettuce and redis-benchmark only take plain {@code redis://} URLs. Keys
 * live under a random {@code cairn:bench:kv:} prefix and are deleted afterwards; the server is never flushed.
 * Figures are measured in this run only; compare them with each other, not across machines.
 */
public final class KvBench {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int KEY_SPACE = 1_000;

  private KvBench() {}

  /**
   * Runs every phase, handing each line to {@code out} as soon as it is measured; returns all lines.
   *
   * @throws dev.cairn.core.CairnException the store's failures (bad URL, unreachable server) and
   *     {@code REDIS_BENCHMARK_FAILED} when redis-benchmark is installed but fails
   */
  public static List<String> run(KvBenchOptions options, Consumer<String> out) {
    Objects.requireNonNull(options, "options");
    List<String> lines = new ArrayList<>();
    Consumer<PhaseLine> emit = line -> {
      lines.add(line.toString());
      out.accept(line.toString());
    };
    StoreUrl url = StoreUrl.parse(options.kvUrl());
    String value = "v".repeat(options.valueBytes());
    String prefix = "cairn:bench:kv:" + HexFormat.of().formatHex(randomBytes()) + ":";
    try (KeyValue store = KeyValue.open(options.kvUrl())) {
      KeyValue kv = store.withPrefix(prefix);
      try {
        redisPhases(options, url, kv, value, emit);
        coordinationPhases(options, kv, emit);
      } finally {
        kv.deletePrefix("");
      }
    }
    memoryPhases(options, value, emit);
    return lines;
  }

  private static void redisPhases(KvBenchOptions options, StoreUrl url, KeyValue kv, String value,
      Consumer<PhaseLine> emit) {
    int threads = options.threads();
    int ops = options.ops();
    Throughput.Operation cairnSetOp = (thread, i) -> kv.set("k" + i % KEY_SPACE, value);
    Throughput.Operation cairnGetOp = (thread, i) -> kv.get("k" + i % KEY_SPACE);
    double[] set;
    double[] get;
    OptionalDouble lettuceSet = OptionalDouble.empty();
    OptionalDouble lettuceGet = OptionalDouble.empty();
    if (RedisBenchmarkRun.supports(url)) {
      try (RawLettuce lettuce = new RawLettuce(url)) {
        String prefix = kv.prefix();
        set = Throughput.bestOfInterleaved(threads, ops, cairnSetOp,
            (thread, i) -> lettuce.set(prefix + "k" + i % KEY_SPACE, value));
        get = Throughput.bestOfInterleaved(threads, ops, cairnGetOp,
            (thread, i) -> lettuce.get(prefix + "k" + i % KEY_SPACE));
        lettuceSet = OptionalDouble.of(set[1]);
        lettuceGet = OptionalDouble.of(get[1]);
      }
    } else {
      set = Throughput.bestOfInterleaved(threads, ops, cairnSetOp);
      get = Throughput.bestOfInterleaved(threads, ops, cairnGetOp);
    }
    double cairnSet = set[0];
    double cairnGet = get[0];
    Map<String, Double> plain = Map.of();
    Map<String, Double> pipelined = Map.of();
    Optional<Path> redisBenchmark = RedisBenchmarkRun.find().filter(path -> RedisBenchmarkRun.supports(url));
    if (redisBenchmark.isPresent()) {
      try (KeyValue root = KeyValue.open(options.kvUrl())) {
        boolean existed = root.exists(RedisBenchmarkRun.KEY);
        try {
          plain = RedisBenchmarkRun.run(redisBenchmark.get(), url, options, 1);
          pipelined = RedisBenchmarkRun.run(redisBenchmark.get(), url, options, 16);
        } finally {
          if (!existed) {
            root.delete(RedisBenchmarkRun.KEY);
          }
        }
      }
    }
    emit.accept(peers("kv.set", cairnSet, lettuceSet, plain.get("SET"), pipelined.get("SET")));
    emit.accept(peers("kv.get", cairnGet, lettuceGet, plain.get("GET"), pipelined.get("GET")));
  }

  private static void coordinationPhases(KvBenchOptions options, KeyValue kv, Consumer<PhaseLine> emit) {
    int threads = options.threads();
    int ops = options.coordinationOps();
    RateLimiter sliding = RateLimiter.slidingWindow(kv.withPrefix("sliding:"), 100, Duration.ofSeconds(1));
    RateLimiter gcra = RateLimiter.gcra(kv.withPrefix("gcra:"), 100, Duration.ofSeconds(1));
    double slidingChecks = Throughput.measure(threads, ops, (thread, i) -> sliding.check("user" + i % KEY_SPACE));
    emit.accept(peers("kv.ratelimit", slidingChecks, OptionalDouble.empty(), null, null));
    double gcraChecks = Throughput.measure(threads, ops, (thread, i) -> gcra.check("user" + i % KEY_SPACE));
    emit.accept(peers("kv.ratelimit.gcra", gcraChecks, OptionalDouble.empty(), null, null));
    try (Locks locks = Locks.on(kv)) {
      // one lock name per thread, so the phase measures the acquire+release pair, not contention
      double pairs = Throughput.measure(threads, ops,
          (thread, i) -> locks.acquire("lock" + thread, Duration.ofSeconds(30), Duration.ZERO).close());
      emit.accept(peers("kv.lock", pairs, OptionalDouble.empty(), null, null));
    }
  }

  private static void memoryPhases(KvBenchOptions options, String value, Consumer<PhaseLine> emit) {
    int threads = options.threads();
    int ops = options.ops();
    ConcurrentHashMap<String, String> map = new ConcurrentHashMap<>();
    try (KeyValue memory = KeyValue.open("memory:")) {
      double[] set = Throughput.bestOfInterleaved(threads, ops, (thread, i) -> memory.set("k" + i % KEY_SPACE, value),
          (thread, i) -> map.put("k" + i % KEY_SPACE, value));
      double[] get = Throughput.bestOfInterleaved(threads, ops, (thread, i) -> memory.get("k" + i % KEY_SPACE),
          (thread, i) -> map.get("k" + i % KEY_SPACE));
      emit.accept(new PhaseLine("kv.memory.set").with("cairn", set[0]).with("map", set[1]));
      emit.accept(new PhaseLine("kv.memory.get").with("cairn", get[0]).with("map", get[1]));
    }
  }

  private static PhaseLine peers(String phase, double cairn, OptionalDouble lettuce, Double redisBenchmark,
      Double redisBenchmarkPipelined) {
    return new PhaseLine(phase).with("cairn", cairn).with("lettuce", lettuce).notMeasured("jedis")
        .notMeasured("redisson").with("redis_benchmark", optional(redisBenchmark))
        .with("redis_benchmark_p16", optional(redisBenchmarkPipelined));
  }

  private static OptionalDouble optional(Double figure) {
    return figure == null ? OptionalDouble.empty() : OptionalDouble.of(figure);
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[4];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
