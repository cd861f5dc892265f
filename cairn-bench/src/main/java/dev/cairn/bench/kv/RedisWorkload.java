package dev.cairn.bench.kv;

import static dev.cairn.bench.kv.KvBench.KEY_SPACE;
import static dev.cairn.bench.kv.KvBench.key;

import dev.cairn.bench.internal.WorkloadRunner.StepListener;
import dev.cairn.core.StoreUrl;
import dev.cairn.kv.Batch;
import dev.cairn.kv.KeyValue;
import dev.cairn.kv.coord.Locks;
import dev.cairn.kv.coord.RateLimiter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.redisson.api.RRateLimiter;

/**
 * The Redis phases of one {@link KvBench} run: Cairn (through {@code kv}, already prefixed) and the raw clients
 * (writing under the same prefix, so every client touches the same keys) measured side by side, then
 * redis-benchmark. Closing it closes the raw clients, not {@code kv}. Not thread-safe: one phase at a time.
 */
final class RedisWorkload implements AutoCloseable {
  private static final int RATE_LIMIT = 100;
  private static final Duration RATE_WINDOW = Duration.ofSeconds(1);
  private static final Duration LOCK_TTL = Duration.ofSeconds(30);
  /** Commands per batch in the pipelined phases, as redis-benchmark -P16. */
  static final int PIPELINE = 16;
  private static final List<String> COLUMNS = List.of("cairn", "lettuce", "lettuce_coalesced", "jedis", "redisson");

  private final KvBenchOptions options;
  private final KeyValue kv;
  private final String value;
  private final Optional<RedisPeers> peers;
  private final StepListener steps;

  RedisWorkload(KvBenchOptions options, KeyValue kv, String value, Optional<RedisPeers> peers, StepListener steps) {
    this.options = options;
    this.kv = kv;
    this.value = value;
    this.peers = peers;
    this.steps = steps;
  }

  void setAndGet(StoreUrl url, Consumer<PhaseLine> emit) {
    String prefix = kv.prefix();
    Map<String, Throughput.Operation> setters = new LinkedHashMap<>();
    Map<String, Throughput.Operation> getters = new LinkedHashMap<>();
    setters.put("cairn", (thread, i) -> kv.set(key(i), value));
    getters.put("cairn", (thread, i) -> kv.get(key(i)));
    peers.ifPresent(raw -> {
      setters.put("lettuce", (thread, i) -> raw.lettuce().set(prefix + key(i), value));
      getters.put("lettuce", (thread, i) -> raw.lettuce().get(prefix + key(i)));
      setters.put("lettuce_coalesced", (thread, i) -> raw.coalescedLettuce().set(prefix + key(i), value));
      getters.put("lettuce_coalesced", (thread, i) -> raw.coalescedLettuce().get(prefix + key(i)));
      setters.put("jedis", (thread, i) -> raw.jedis().set(prefix + key(i), value));
      getters.put("jedis", (thread, i) -> raw.jedis().get(prefix + key(i)));
      setters.put("redisson", (thread, i) -> raw.redisson().set(prefix + key(i), value));
      getters.put("redisson", (thread, i) -> raw.redisson().get(prefix + key(i)));
    });
    Map<String, Figure> set = measure("kv.set", options.ops(), setters);
    Map<String, Figure> get = measure("kv.get", options.ops(), getters);
    Optional<Path> redisBenchmark = RedisBenchmarkRun.find().filter(path -> RedisBenchmarkRun.supports(url));
    Map<String, Double> plain = Map.of();
    Map<String, Double> pipelined = Map.of();
    if (redisBenchmark.isPresent()) {
      steps.step("kv.set/get redis-benchmark");
      plain = redisBenchmark(redisBenchmark.get(), url, 1);
      pipelined = redisBenchmark(redisBenchmark.get(), url, 16);
    }
    emit.accept(ratios(redisLine("kv.set", set, plain.get("SET"))));
    emit.accept(ratios(redisLine("kv.get", get, plain.get("GET"))));
    Map<String, Figure> setBatches = pipelined("kv.set.p16", (batch, i) -> batch.set(key(i), value));
    Map<String, Figure> getBatches = pipelined("kv.get.p16", (batch, i) -> batch.get(key(i)));
    emit.accept(redisLine("kv.set.p16", setBatches, pipelined.get("SET")).ratio("cairn", "redis_benchmark"));
    emit.accept(redisLine("kv.get.p16", getBatches, pipelined.get("GET")).ratio("cairn", "redis_benchmark"));
  }

  /**
   * Commands per second when each thread sends {@link #PIPELINE} commands at a time: Cairn through
   * {@link KeyValue#batch}, raw Lettuce as {@code PIPELINE} command objects dispatched in one call (as Cairn sends
   * a batch), Jedis as a {@code Pipeline} and Redisson as an {@code RBatch}, each its client's way to pipeline; then
   * every reply is awaited. An operation is
   * one batch; the figure is multiplied back to commands, as redis-benchmark -P counts.
   */
  private Map<String, Figure> pipelined(String phase, BatchCommand command) {
    String prefix = kv.prefix();
    Map<String, Throughput.Operation> batches = new LinkedHashMap<>();
    batches.put("cairn", (thread, i) -> kv.batch(batch -> {
      for (int j = 0; j < PIPELINE; j++) {
        command.queue(batch, i * PIPELINE + j);
      }
    }));
    boolean sets = phase.startsWith("kv.set");
    peers.ifPresent(raw -> {
      batches.put("lettuce", (thread, i) -> raw.lettuce().pipeline(keys(prefix, i), sets ? value : null));
      batches.put("jedis", (thread, i) -> raw.jedis().pipeline(keys(prefix, i), sets ? value : null));
      batches.put("redisson", (thread, i) -> raw.redisson().pipeline(keys(prefix, i), sets ? value : null));
    });
    // Warmed up with as many calls as a single-command phase warms up with (a tenth of --ops), not a tenth of
    // its batches: a batch runs through a call path of its own, and 1,250 calls (the default) were too few for
    // the JIT. Measured with 50 threads, Cairn's batches of 16 ran at 0.37 million commands/s over the first
    // 12,500 batches of a JVM and at 1.0-1.2 million after 50,000.
    Map<String, Figure> perBatch = Throughput.measure(options.threads(),
        Math.max(options.threads(), options.ops() / PIPELINE), options.ops() / 10, Throughput.ROUNDS, batches,
        steps.step(phase));
    Map<String, Figure> perCommand = new LinkedHashMap<>();
    perBatch.forEach((peer, figure) -> perCommand.put(peer, figure.perCommand(PIPELINE)));
    return perCommand;
  }

  /** The full keys of the batch numbered {@code index}. */
  private static String[] keys(String prefix, int index) {
    String[] keys = new String[PIPELINE];
    for (int j = 0; j < PIPELINE; j++) {
      keys[j] = prefix + key(index * PIPELINE + j);
    }
    return keys;
  }

  /** One command queued in a batch for the operation numbered {@code index}. */
  @FunctionalInterface
  private interface BatchCommand {
    void queue(Batch batch, int index);
  }

  void rateLimits(Consumer<PhaseLine> emit) {
    RateLimiter sliding = RateLimiter.slidingWindow(kv.withPrefix("sliding:"), RATE_LIMIT, RATE_WINDOW);
    Map<String, Throughput.Operation> checks = new LinkedHashMap<>();
    checks.put("cairn", (thread, i) -> sliding.check("user" + i % KEY_SPACE));
    peers.ifPresent(raw -> {
      RRateLimiter[] limiters = new RRateLimiter[KEY_SPACE];
      for (int user = 0; user < KEY_SPACE; user++) {
        // the hash tag keeps Redisson's companion keys ({name}:value, {name}:permits) under the run's prefix
        limiters[user] = raw.redisson().rateLimiter(kv.prefix() + "redisson:{user" + user + "}", RATE_LIMIT,
            RATE_WINDOW);
      }
      checks.put("redisson", (thread, i) -> limiters[i % KEY_SPACE].tryAcquire());
    });
    emit.accept(redisLine("kv.ratelimit", measure("kv.ratelimit", options.coordinationOps(), checks), null));
    RateLimiter gcra = RateLimiter.gcra(kv.withPrefix("gcra:"), RATE_LIMIT, RATE_WINDOW);
    Map<String, Throughput.Operation> gcraChecks =
        Map.of("cairn", (thread, i) -> gcra.check("user" + i % KEY_SPACE));
    emit.accept(redisLine("kv.ratelimit.gcra",
        measure("kv.ratelimit.gcra", options.coordinationOps(), gcraChecks), null));
  }

  void lockPairs(Consumer<PhaseLine> emit) {
    try (Locks locks = Locks.on(kv)) {
      // one lock name per thread, so the phase measures the acquire+release pair, not contention
      Map<String, Throughput.Operation> pairs = new LinkedHashMap<>();
      pairs.put("cairn", (thread, i) -> locks.acquire("lock" + thread, LOCK_TTL, Duration.ZERO).close());
      peers.ifPresent(raw -> pairs.put("redisson",
          (thread, i) -> raw.redisson().lockPair(kv.prefix() + "redisson:lock" + thread, LOCK_TTL)));
      emit.accept(redisLine("kv.lock", measure("kv.lock", options.coordinationOps(), pairs), null));
    }
  }

  private Map<String, Double> redisBenchmark(Path executable, StoreUrl url, int pipeline) {
    try (KeyValue root = KeyValue.open(options.kvUrl())) {
      // redis-benchmark writes one fixed key outside the run's prefix: remove it unless it was there before
      boolean existed = root.exists(RedisBenchmarkRun.KEY);
      try {
        return RedisBenchmarkRun.run(executable, url, options, pipeline);
      } finally {
        if (!existed) {
          root.delete(RedisBenchmarkRun.KEY);
        }
      }
    }
  }

  private Map<String, Figure> measure(String phase, int ops, Map<String, Throughput.Operation> peersOfPhase) {
    return Throughput.measure(options.threads(), ops, peersOfPhase, steps.step(phase));
  }

  @Override
  public void close() {
    peers.ifPresent(RedisPeers::close);
  }

  /** The ratios of a single-command line: Cairn over raw Lettuce (stock and coalesced), over redis-benchmark. */
  private static PhaseLine ratios(PhaseLine line) {
    return line.ratio("cairn", "lettuce").ratio("cairn", "lettuce_coalesced").ratio("cairn", "redis_benchmark");
  }

  /** The rates of the JVM peers and redis-benchmark, then the JVM peers' allocation (see {@link PhaseLine}). */
  private static PhaseLine redisLine(String phase, Map<String, Figure> figures, Double redisBenchmark) {
    PhaseLine line = new PhaseLine(phase);
    COLUMNS.forEach(column -> line.with(column, figures.get(column)));
    return line.with("redis_benchmark", redisBenchmark);
  }
}
