package dev.cairn.bench.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.StoreUrl;
import dev.cairn.core.UnavailableException;
import dev.cairn.kv.KeyValue;
import dev.cairn.testkit.kv.PrivateRedis;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A tiny run of the kv workload: the lines and their columns, not the figures (performance is not asserted). On a
 * private Redis, so that "no key left behind" sees only this run's keys, not those of a bench or of redis-benchmark
 * run by hand against the machine's shared server meanwhile.
 */
class KvBenchTest {
  @RegisterExtension static final PrivateRedis REDIS = PrivateRedis.plain();

  private static final String POSITIVE = "[1-9]\\d*";
  /** Bytes per operation: zero is possible (a read the JIT compiled to allocate nothing). */
  private static final String BYTES = "\\d+";

  @Test
  void run_smallWorkload_printsEveryPhaseWithAFigureOrADocumentedDash() {
    List<String> printed = new ArrayList<>();

    List<String> lines = KvBench.run(KvBenchOptions.defaults(REDIS.url()).withProgress(false).withThreads(4).withOps(400), printed::add);

    assertThat(printed).isEqualTo(lines);
    // the raw clients take plain redis:// URLs only; redis-benchmark also has to be installed
    String peer = RedisBenchmarkRun.supports(StoreUrl.parse(REDIS.url())) ? POSITIVE : "-";
    String peerBytes = RedisBenchmarkRun.supports(StoreUrl.parse(REDIS.url())) ? BYTES : "-";
    boolean redisBenchmark = RedisBenchmarkRun.supports(StoreUrl.parse(REDIS.url())) && RedisBenchmarkRun.find().isPresent();
    List<String> expected = new ArrayList<>();
    String measuredByRedisBenchmark = redisBenchmark ? POSITIVE : "-";
    String allocations = " cairn_alloc_b_op=" + BYTES + " lettuce_alloc_b_op=" + peerBytes
        + " lettuce_coalesced_alloc_b_op=" + peerBytes + " jedis_alloc_b_op=" + peerBytes + " redisson_alloc_b_op="
        + peerBytes;
    String ratio = "\\d+\\.\\d\\d";
    String peerRatio = RedisBenchmarkRun.supports(StoreUrl.parse(REDIS.url())) ? ratio : "-";
    String ratios = " cairn_vs_lettuce=" + peerRatio + " cairn_vs_lettuce_coalesced=" + peerRatio
        + " cairn_vs_redis_benchmark=" + (redisBenchmark ? ratio : "-");
    expected.add("kv\\.set cairn=" + POSITIVE + " lettuce=" + peer + " lettuce_coalesced=" + peer + " jedis=" + peer
        + " redisson=" + peer + " redis_benchmark=" + measuredByRedisBenchmark + allocations + ratios);
    expected.add("kv\\.get cairn=" + POSITIVE + " lettuce=" + peer + " lettuce_coalesced=" + peer + " jedis=" + peer
        + " redisson=" + peer + " redis_benchmark=" + measuredByRedisBenchmark + allocations + ratios);
    // Cairn's batches and every raw client's pipelines always; redis-benchmark -P16 where installed (pipelined,
    // 400 requests may end too fast for it to time, and then it prints no rate)
    String pipelinedByRedisBenchmark = redisBenchmark ? "(" + POSITIVE + "|-)" : "-";
    String pipelinedAllocations = " cairn_alloc_b_op=" + BYTES + " lettuce_alloc_b_op=" + peerBytes
        + " lettuce_coalesced_alloc_b_op=- jedis_alloc_b_op=" + peerBytes + " redisson_alloc_b_op=" + peerBytes
        + " cairn_vs_redis_benchmark=" + (redisBenchmark ? "(" + ratio + "|-)" : "-");
    expected.add("kv\\.set\\.p16 cairn=" + POSITIVE + " lettuce=" + peer + " lettuce_coalesced=- jedis=" + peer
        + " redisson=" + peer + " redis_benchmark=" + pipelinedByRedisBenchmark + pipelinedAllocations);
    expected.add("kv\\.get\\.p16 cairn=" + POSITIVE + " lettuce=" + peer + " lettuce_coalesced=- jedis=" + peer
        + " redisson=" + peer + " redis_benchmark=" + pipelinedByRedisBenchmark + pipelinedAllocations);
    String redissonOnly = " cairn_alloc_b_op=" + BYTES + " lettuce_alloc_b_op=- lettuce_coalesced_alloc_b_op=-"
        + " jedis_alloc_b_op=-"
        + " redisson_alloc_b_op=" + peerBytes;
    String cairnOnly = " cairn_alloc_b_op=" + BYTES + " lettuce_alloc_b_op=- lettuce_coalesced_alloc_b_op=-"
        + " jedis_alloc_b_op=- redisson_alloc_b_op=-";
    expected.add("kv\\.ratelimit cairn=" + POSITIVE + " lettuce=- lettuce_coalesced=- jedis=- redisson=" + peer + " redis_benchmark=-"
        + redissonOnly);
    expected.add("kv\\.ratelimit\\.gcra cairn=" + POSITIVE + " lettuce=- lettuce_coalesced=- jedis=- redisson=- redis_benchmark=-"
        + cairnOnly);
    expected.add("kv\\.lock cairn=" + POSITIVE + " lettuce=- lettuce_coalesced=- jedis=- redisson=" + peer + " redis_benchmark=-"
        + redissonOnly);
    expected.add("kv\\.memory\\.set cairn=" + POSITIVE + " map=" + POSITIVE + " cairn_alloc_b_op=" + BYTES
        + " map_alloc_b_op=" + BYTES);
    expected.add("kv\\.memory\\.get cairn=" + POSITIVE + " map=" + POSITIVE + " cairn_alloc_b_op=" + BYTES
        + " map_alloc_b_op=" + BYTES);
    assertThat(lines).hasSameSizeAs(expected);
    for (int i = 0; i < lines.size(); i++) {
      assertThat(lines.get(i)).matches(expected.get(i));
    }
  }

  @Test
  void run_smallWorkload_leavesNoKeyBehind() {
    KvBench.run(KvBenchOptions.defaults(REDIS.url()).withProgress(false).withThreads(4).withOps(400), line -> {});

    try (KeyValue kv = KeyValue.open(REDIS.url())) {
      // Redisson's limiter writes companion keys; a leading wildcard also catches any that escaped the prefix
      assertThat(kv.scan("*cairn:bench:kv:*").toList()).isEmpty();
      assertThat(kv.exists(RedisBenchmarkRun.KEY)).isFalse();
    }
  }

  @Test
  void run_unreachableRedis_unavailableAndNothingPrinted() throws IOException {
    List<String> printed = new ArrayList<>();
    String url = "redis://app:hunter2@127.0.0.1:" + closedPort();

    assertThatThrownBy(() -> KvBench.run(KvBenchOptions.defaults(url).withProgress(false), printed::add))
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining("127.0.0.1")
        .hasMessageNotContaining("hunter2");
    assertThat(printed).isEmpty();
  }

  @Test
  void run_onlyMemory_memoryLinesWithoutAnyRedis() throws IOException {
    String unreachable = "redis://127.0.0.1:" + closedPort();

    List<String> lines = KvBench.run(KvBenchOptions.defaults(unreachable).withProgress(false).withThreads(4)
        .withOps(400).only(KvBenchOptions.Part.MEMORY), line -> {});

    assertThat(lines).satisfiesExactly(
        set -> assertThat(set).startsWith("kv.memory.set cairn="),
        get -> assertThat(get).startsWith("kv.memory.get cairn="));
  }

  static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
