package dev.cairn.bench.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.InvalidInputException;
import dev.cairn.kv.KeyValue;
import dev.cairn.testkit.RedisService;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A tiny run of the kv workload: the lines and their peers, not the figures (performance is not asserted). */
class KvBenchTest {
  @RegisterExtension static final RedisService REDIS = new RedisService();

  @Test
  void run_smallWorkload_printsOneLinePerPhaseAndCleansUp() {
    List<String> printed = new ArrayList<>();

    List<String> lines = KvBench.run(new KvBenchOptions(REDIS.url(), 4, 400, 200, 64), printed::add);

    assertThat(printed).isEqualTo(lines);
    assertThat(lines).extracting(line -> line.split(" ")[0]).containsExactly("kv.set", "kv.get", "kv.ratelimit",
        "kv.ratelimit.gcra", "kv.lock", "kv.memory.set", "kv.memory.get");
    // redis-benchmark is optional; pipelined, 400 requests may end too fast for it to time, and then it prints no rate
    String redisBenchmark = RedisBenchmarkRun.find().isPresent() ? "redis_benchmark=\\d+" : "redis_benchmark=-";
    assertThat(lines.get(0)).matches("kv\\.set cairn=\\d+ lettuce=\\d+ jedis=- redisson=- " + redisBenchmark
        + " redis_benchmark_p16=(\\d+|-)");
    assertThat(lines.get(4)).matches("kv\\.lock cairn=\\d+ lettuce=- jedis=- redisson=- redis_benchmark=- "
        + "redis_benchmark_p16=-");
    assertThat(lines.get(6)).matches("kv\\.memory\\.get cairn=\\d+ map=\\d+");
    try (KeyValue kv = KeyValue.open(REDIS.url())) {
      assertThat(kv.scan("cairn:bench:kv:*").toList()).isEmpty();
    }
  }

  @Test
  void options_fewerOpsThanThreads_invalidOption() {
    assertThatThrownBy(() -> new KvBenchOptions("redis://127.0.0.1:6379", 50, 10, 100, 64))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("INVALID_OPTION"))
        .hasMessageContaining("ops must be at least 50");
  }
}
