package dev.cairn.kv.coord.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.InvalidInputException;
import dev.cairn.kv.conformance.KeyValueFixture;
import dev.cairn.kv.coord.Decision;
import dev.cairn.kv.coord.RateLimiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every backend must show for both {@link RateLimiter}s, part of {@link CoordinationConformance}:
 * counting down, rejecting with a usable retry-after, recording only admitted requests (sliding window), spacing
 * after a burst (GCRA), independent keys, exact limits under concurrency and input checks. Time passes through
 * {@link #passTime}.
 */
public interface RateLimiterConformance extends KeyValueFixture {
  Duration LONG_WINDOW = Duration.ofHours(1);
  Duration WINDOW = Duration.ofSeconds(1);

  @Test
  default void slidingWindow_underLimit_admitsAndCountsDownThenRejects() {
    RateLimiter limiter = RateLimiter.slidingWindow(kv(), 3, LONG_WINDOW);

    assertThat(remainingOfAdmitted(limiter, "user", 3)).containsExactly(2L, 1L, 0L);
    Decision rejected = limiter.check("user");

    assertThat(rejected.allowed()).isFalse();
    assertThat(rejected.remaining()).isZero();
    assertThat(rejected.retryAfter()).isPositive().isLessThanOrEqualTo(LONG_WINDOW);
  }

  @Test
  default void slidingWindow_rejectedRequests_areNotRecorded() {
    RateLimiter limiter = RateLimiter.slidingWindow(kv(), 2, WINDOW);
    assertThat(limiter.check("user").allowed()).isTrue();
    passTime(Duration.ofMillis(500));
    assertThat(limiter.check("user").allowed()).isTrue();
    passTime(Duration.ofMillis(100));
    Decision rejected = null;
    for (int i = 0; i < 3; i++) {
      rejected = limiter.check("user");
      assertThat(rejected.allowed()).isFalse();
    }
    assertThat(rejected.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(400));

    // the first admitted request has left the window; had the rejections been recorded, it would still be full
    passTime(rejected.retryAfter());

    Decision admitted = limiter.check("user");
    assertThat(admitted.allowed()).isTrue();
    assertThat(admitted.remaining()).isZero();
  }

  @Test
  default void slidingWindow_afterWholeWindow_admitsFullLimitAgain() {
    RateLimiter limiter = RateLimiter.slidingWindow(kv(), 2, WINDOW);
    remainingOfAdmitted(limiter, "user", 2);
    assertThat(limiter.check("user").allowed()).isFalse();

    passTime(WINDOW.plusMillis(50));

    assertThat(remainingOfAdmitted(limiter, "user", 2)).containsExactly(1L, 0L);
  }

  @Test
  default void gcra_burstOfLimit_thenSpacedByWindowOverLimit() {
    RateLimiter limiter = RateLimiter.gcra(kv(), 4, WINDOW);

    assertThat(remainingOfAdmitted(limiter, "user", 4)).containsExactly(3L, 2L, 1L, 0L);
    Decision rejected = limiter.check("user");
    assertThat(rejected.allowed()).isFalse();
    assertThat(rejected.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(250));

    passTime(rejected.retryAfter());

    assertThat(limiter.check("user").allowed()).isTrue();
    assertThat(limiter.check("user").allowed()).isFalse();
  }

  @Test
  default void gcra_afterQuietWindow_admitsFullBurstAgain() {
    RateLimiter limiter = RateLimiter.gcra(kv(), 3, WINDOW);
    remainingOfAdmitted(limiter, "user", 3);

    passTime(WINDOW.plusMillis(50));

    assertThat(remainingOfAdmitted(limiter, "user", 3)).containsExactly(2L, 1L, 0L);
    assertThat(limiter.check("user").allowed()).isFalse();
  }

  @Test
  default void check_differentKeys_areCountedSeparately() {
    for (RateLimiter limiter : List.of(RateLimiter.slidingWindow(kv(), 1, LONG_WINDOW),
        RateLimiter.gcra(kv(), 1, LONG_WINDOW))) {
      assertThat(limiter.check("alice").allowed()).isTrue();
      assertThat(limiter.check("bob").allowed()).isTrue();
      assertThat(limiter.check("alice").allowed()).isFalse();
    }
  }

  @Test
  default void check_sixteenThreads_admitExactlyTheLimit() throws Exception {
    for (RateLimiter limiter : List.of(RateLimiter.slidingWindow(kv(), 100, LONG_WINDOW),
        RateLimiter.gcra(kv(), 100, LONG_WINDOW))) {
      assertThat(admittedByThreads(limiter, 16, 20)).isEqualTo(100);
    }
  }

  @Test
  default void create_badLimitOrWindow_failsWithCode() {
    assertThatThrownBy(() -> RateLimiter.slidingWindow(kv(), 0, WINDOW))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("INVALID_LIMIT"));
    assertThatThrownBy(() -> RateLimiter.gcra(kv(), -1, WINDOW))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("INVALID_LIMIT"));
    assertThatThrownBy(() -> RateLimiter.gcra(kv(), 10, Duration.ZERO))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.code()).isEqualTo("INVALID_DURATION"));
  }

  @Test
  default void check_emptyKey_failsAndRecordsNothing() {
    for (RateLimiter limiter : List.of(RateLimiter.slidingWindow(kv(), 5, WINDOW), RateLimiter.gcra(kv(), 5, WINDOW))) {
      assertThatThrownBy(() -> limiter.check(""))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("EMPTY_NAME"));
    }
    assertThat(kv().scan("*").toList()).isEmpty();
  }

  @Test
  default void check_keyHoldingOtherType_failsWrongType() {
    kv().set("ratelimit:log:user", "not a sorted set");
    kv().hashSet("ratelimit:gcra:user", "field", "not a timestamp");

    for (RateLimiter limiter : List.of(RateLimiter.slidingWindow(kv(), 5, WINDOW), RateLimiter.gcra(kv(), 5, WINDOW))) {
      assertThatThrownBy(() -> limiter.check("user"))
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("WRONG_TYPE"));
    }
    assertThat(kv().get("ratelimit:log:user")).contains("not a sorted set");
  }

  private static List<Long> remainingOfAdmitted(RateLimiter limiter, String key, int requests) {
    List<Long> remaining = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      Decision decision = limiter.check(key);
      assertThat(decision.allowed()).as("request %d of %d", i + 1, requests).isTrue();
      assertThat(decision.retryAfter()).isZero();
      remaining.add(decision.remaining());
    }
    return remaining;
  }

  private static long admittedByThreads(RateLimiter limiter, int threads, int checksEach) throws Exception {
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<Integer>> admitted = new ArrayList<>();
      for (int thread = 0; thread < threads; thread++) {
        admitted.add(pool.submit(() -> {
          int count = 0;
          for (int i = 0; i < checksEach; i++) {
            count += limiter.check("shared").allowed() ? 1 : 0;
          }
          return count;
        }));
      }
      long total = 0;
      for (Future<Integer> result : admitted) {
        total += result.get(60, TimeUnit.SECONDS);
      }
      return total;
    }
  }
}
