package dev.cairn.bench.kv;

import dev.cairn.bench.BenchProgress;
import dev.cairn.bench.internal.ProgressBar;
import dev.cairn.bench.internal.WorkloadRunner.StepListener;
import dev.cairn.core.StoreUrl;
import dev.cairn.kv.KeyValue;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The key-value workload of {@code cairn bench kv}: in one process and one run, against one Redis, SET and GET of
 * fixed-size values from many virtual threads through Cairn, raw Lettuce, Jedis, Redisson and redis-benchmark (plain
 * and with {@code -P 16}), then rate-limit checks (Cairn's sliding window and Redisson's {@code RRateLimiter} with
 * the same limit and window; Cairn's GCRA alone) and lock acquire+release pairs (Cairn's {@code Locks} and
 * Redisson's {@code RLock}), then the memory store against a bare {@link ConcurrentHashMap}. One line per phase:
 *
 * <pre>
 * kv.set cairn=N lettuce=N jedis=N redisson=N redis_benchmark=N cairn_alloc_b_op=B lettuce_alloc_b_op=B ...
 * kv.memory.set cairn=N map=N cairn_alloc_b_op=B map_alloc_b_op=B
 * </pre>
 *
 * <p>where N is operations per second, B heap bytes allocated per operation (see {@link Throughput}; not for
 * redis-benchmark, another process), and {@code -} marks a peer not measured: a client without that operation (see
 * cairn-bench/README.md), redis-benchmark not installed, or a URL other than plain {@code redis://}, which only
 * Cairn takes. redis-benchmark's pipelined figures get lines of their own, {@code kv.set.p16} and
 * {@code kv.get.p16}, where only it has a figure. Peers in one phase run interleaved (see {@link Throughput}). Keys
 * live under a random {@code cairn:bench:kv:} prefix and are deleted afterwards; the server is never flushed.
 * Figures are measured in this run only; compare them with each other, not across machines. {@link
 * KvBenchOptions#parts()} may leave out the Redis part or the memory part; the memory part alone needs no Redis.
 */
public final class KvBench {
  private static final SecureRandom RANDOM = new SecureRandom();
  /** Distinct keys (and rate-limited users) each phase cycles over. */
  static final int KEY_SPACE = 1_000;
  /**
   * The memory phases' rounds run this many times {@code ops}: 200,000 map operations take about 10 ms, less than
   * a scheduler's time slice, so on a shared machine one preemption or a JIT compile still running decided a
   * round (ratios moved 3x between runs). Longer rounds, and a warm-up as long as a whole former round.
   */
  static final int MEMORY_ROUND_SCALE = 10;
  /** Interleaved rounds of each memory phase, each side keeping its best, as in the Redis phases. */
  static final int MEMORY_ROUNDS = 3;

  private KvBench() {}

  /**
   * Runs every phase of the parts the options name, handing each line to {@code out} as soon as it is measured; returns all lines. Not for
   * concurrent use in one process (the progress bar shares standard error).
   *
   * @throws NullPointerException for null arguments
   * @throws dev.cairn.core.CairnException the store's failures (bad URL, unreachable server),
   *     {@code KV_BENCH_PEER_UNAVAILABLE} when Lettuce, Jedis or Redisson cannot connect,
   *     {@code BENCH_OPERATION_FAILED} when a measured operation fails, and {@code REDIS_BENCHMARK_FAILED} when
   *     redis-benchmark is installed but fails; keys written so far are deleted in every case
   */
  public static List<String> run(KvBenchOptions options, Consumer<String> out) {
    Objects.requireNonNull(options, "options");
    return run(options, out, options.progress() && ProgressBar.onTerminal() ? new ProgressBar(System.err)
        : BenchProgress.NONE);
  }

  /**
   * As {@link #run(KvBenchOptions, Consumer)}, telling each step and its advance to {@code bar} (whatever
   * {@link KvBenchOptions#progress()} says).
   */
  public static List<String> run(KvBenchOptions options, Consumer<String> out, BenchProgress bar) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(bar, "bar");
    StepListener steps = StepListener.of(bar);
    List<String> lines = new ArrayList<>();
    Consumer<PhaseLine> emit = line -> {
      bar.clear();
      lines.add(line.toString());
      out.accept(line.toString());
    };
    try {
      String value = "v".repeat(options.valueBytes());
      if (options.runs(KvBenchOptions.Part.REDIS)) {
        redisPhases(options, value, steps, emit);
      }
      if (options.runs(KvBenchOptions.Part.MEMORY)) {
        memoryPhases(options, value, steps, emit);
      }
      return lines;
    } finally {
      bar.clear();
    }
  }

  private static void redisPhases(KvBenchOptions options, String value, StepListener steps,
      Consumer<PhaseLine> emit) {
    StoreUrl url = StoreUrl.parse(options.kvUrl());
    String prefix = "cairn:bench:kv:" + HexFormat.of().formatHex(randomBytes()) + ":";
    try (KeyValue store = KeyValue.open(options.kvUrl())) {
      KeyValue kv = store.withPrefix(prefix);
      try (RedisWorkload workload = new RedisWorkload(options, kv, value, RedisPeers.open(url, options.threads()),
          steps)) {
        workload.setAndGet(url, emit);
        workload.rateLimits(emit);
        workload.lockPairs(emit);
      } finally {
        kv.deletePrefix("");
      }
    }
  }

  private static void memoryPhases(KvBenchOptions options, String value, StepListener steps,
      Consumer<PhaseLine> emit) {
    ConcurrentHashMap<String, String> map = new ConcurrentHashMap<>();
    try (KeyValue memory = KeyValue.open("memory:")) {
      int ops = options.ops() * MEMORY_ROUND_SCALE;
      Map<String, Figure> set = Throughput.measure(options.threads(), ops, MEMORY_ROUNDS,
          cairnAndMap((thread, i) -> memory.set(key(i), value), (thread, i) -> map.put(key(i), value)),
          steps.step("kv.memory.set"));
      Map<String, Figure> get = Throughput.measure(options.threads(), ops, MEMORY_ROUNDS,
          cairnAndMap((thread, i) -> memory.get(key(i)), (thread, i) -> map.get(key(i))),
          steps.step("kv.memory.get"));
      emit.accept(new PhaseLine("kv.memory.set").with("cairn", set.get("cairn")).with("map", set.get("map")));
      emit.accept(new PhaseLine("kv.memory.get").with("cairn", get.get("cairn")).with("map", get.get("map")));
    }
  }

  private static Map<String, Throughput.Operation> cairnAndMap(Throughput.Operation cairn, Throughput.Operation map) {
    Map<String, Throughput.Operation> peers = new LinkedHashMap<>();
    peers.put("cairn", cairn);
    peers.put("map", map);
    return peers;
  }

  /** The key of the {@code index}th operation: every phase cycles over the same key space, in every client. */
  static String key(int index) {
    return "k" + index % KEY_SPACE;
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[4];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
