package dev.cairn.bench.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.InvalidInputException;
import dev.cairn.sql.Database;
import dev.cairn.sql.Filter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpBenchTest {

  @Test
  void prepare_missingTable_createsAndFillsUsers() {
    try (Database database = Database.open("sqlite::memory:")) {
      HttpBenchOptions options = new HttpBenchOptions(120, 2, Duration.ZERO, Duration.ofMillis(1), HttpBenchOptions.Loader.JAVA);
      assertThat(HttpBench.prepare(database, options)).isEqualTo(2);
      assertThat(database.rows("users").count(Filter.all()).orElseThrow()).isEqualTo(120);
    }
  }

  @Test
  void prepare_existingTable_keptAsIs() {
    try (Database database = Database.open("sqlite::memory:")) {
      HttpBenchOptions options = new HttpBenchOptions(100, 2, Duration.ZERO, Duration.ofMillis(1), HttpBenchOptions.Loader.JAVA);
      HttpBench.prepare(database, options);
      assertThat(HttpBench.prepare(database, new HttpBenchOptions(5000, 2, Duration.ZERO, Duration.ofMillis(1), HttpBenchOptions.Loader.JAVA)))
          .isEqualTo(2);
      assertThat(database.rows("users").count(Filter.all()).orElseThrow()).isEqualTo(100);
    }
  }

  @Test
  void options_invalid_invalidOptionNamingIt() {
    assertThatThrownBy(() -> new HttpBenchOptions(10, 50, Duration.ZERO, Duration.ofSeconds(1), HttpBenchOptions.Loader.JAVA))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("INVALID_OPTION"))
        .hasMessageContaining("--rows");
    assertThatThrownBy(() -> new HttpBenchOptions(100, 0, Duration.ZERO, Duration.ofSeconds(1), HttpBenchOptions.Loader.JAVA))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("INVALID_OPTION"))
        .hasMessageContaining("--connections");
    assertThatThrownBy(() -> new HttpBenchOptions(100, 1, Duration.ZERO, Duration.ZERO, HttpBenchOptions.Loader.JAVA))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("INVALID_OPTION"))
        .hasMessageContaining("--seconds");
  }

  @Test
  void roundPair_median_theMiddleRatioOrTheLowerOfTheMiddleTwo() {
    HttpBench.RoundPair low = pair(400, 1000);
    HttpBench.RoundPair mid = pair(1000, 2000);
    HttpBench.RoundPair high = pair(900, 1000);

    assertThat(HttpBench.RoundPair.median(List.of(high, low, mid))).isSameAs(mid);
    assertThat(HttpBench.RoundPair.median(List.of(high, low, mid, pair(0, 1000)))).isSameAs(low);
    assertThat(HttpBench.RoundPair.median(List.of(high))).isSameAs(high);
    assertThat(pair(5, 0).ratio()).isZero();
  }

  private static HttpBench.RoundPair pair(double web, double direct) {
    return new HttpBench.RoundPair(new WrkLoad.Figures(web, 1, 2, 10), new WrkLoad.Figures(direct, 1, 2, 10));
  }

  @Test
  void options_roundsBelowOne_invalidOptionNamingIt() {
    assertThatThrownBy(() -> new HttpBenchOptions(100, 1, Duration.ZERO, Duration.ofSeconds(1),
        HttpBenchOptions.Loader.JAVA, 0))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("INVALID_OPTION"))
        .hasMessageContaining("--rounds");
  }

  @Test
  void quantile_nearestRank() {
    Latencies first = new Latencies();
    Latencies second = new Latencies();
    for (long i = 1; i <= 50; i++) {
      first.add(i * 2);
      second.add(i * 2 - 1);
    }
    long[] sorted = Latencies.sorted(List.of(first, second));
    assertThat(sorted).hasSize(100).startsWith(1, 2, 3);
    assertThat(Latencies.quantile(sorted, 0.50)).isEqualTo(50);
    assertThat(Latencies.quantile(sorted, 0.99)).isEqualTo(99);
    assertThat(Latencies.quantile(new long[0], 0.5)).isZero();
  }

  @Test
  void format_theDocumentedLine() {
    assertThat(new HttpBenchResult(50, 1234.4, 1.234, 9.876, 2468.8, HttpBenchOptions.Loader.WRK, 20480.4, null)
        .format())
        .isEqualTo("http.page50 conns=50 req_s=1234 p50_ms=1.23 p99_ms=9.88 direct_ops_s=2469 ratio=0.50"
            + " cairn_alloc_b_op=20480 direct_alloc_b_op=-");
  }

  @Test
  void wrkOutput_parsedInMilliseconds() {
    String output = """
        Running 5s test @ http://127.0.0.1:18183/
          2 threads and 50 connections
          Latency Distribution
             50%  850.00us
             75%   12.10ms
             90%   30.00ms
             99%    1.20s
          20006 requests in 5.05s, 56.17MB read
        Requests/sec:   3959.67
        Transfer/sec:     11.12MB
        """;
    WrkLoad.Figures figures = WrkLoad.parse(output);
    assertThat(figures.requestsPerSecond()).isEqualTo(3959.67);
    assertThat(figures.p50Millis()).isEqualTo(0.85);
    assertThat(figures.p99Millis()).isEqualTo(1200.0);
    assertThat(figures.requests()).isEqualTo(20006);
  }

  @Test
  void wrkOutput_failedRequests_refused() {
    assertThatThrownBy(() -> WrkLoad.parse("  Non-2xx or 3xx responses: 12\nRequests/sec: 10.0\n"))
        .hasMessageContaining("Non-2xx");
  }
}
