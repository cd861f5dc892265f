package dev.cairn.testkit.coord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.ConflictException;
import dev.cairn.core.InvalidInputException;
import dev.cairn.kv.coord.Lock;
import dev.cairn.kv.coord.Locks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every backend must show for {@link Locks}: ownership, fencing, owner-only release and extend,
 * expiry, waiting and contention. Time passes through {@link #passTime}, so the memory suite runs on a manual
 * clock; waiting threads still block in real time, bounded by the lock's poll interval.
 */
public abstract class LockConformance extends CoordinationSuite {
  private static final Duration LONG = Duration.ofMinutes(1);
  private static final Duration SHORT = Duration.ofMillis(300);
  private static final Duration PAST_SHORT = Duration.ofMillis(500);

  private Locks locks;
  private ExecutorService threads;

  @BeforeEach
  void openLocks() {
    locks = Locks.on(kv);
    threads = Executors.newVirtualThreadPerTaskExecutor();
  }

  @AfterEach
  void closeLocks() {
    threads.shutdownNow();
    locks.close();
  }

  @Test
  void acquire_freeLock_givesOwnerAndFencingToken() {
    try (Lock lock = locks.acquire("job", LONG, Duration.ZERO)) {
      assertThat(lock.name()).isEqualTo("job");
      assertThat(lock.ownerToken()).hasSize(32);
      assertThat(lock.fencingToken()).isPositive();
      assertThat(lock.isHeld()).isTrue();
    }
  }

  @Test
  void acquire_sameNameRepeatedly_fencingTokensStrictlyIncrease() {
    long previous = 0;
    for (int i = 0; i < 5; i++) {
      try (Lock lock = locks.acquire("job", LONG, Duration.ZERO)) {
        assertThat(lock.fencingToken()).isGreaterThan(previous);
        previous = lock.fencingToken();
      }
    }
  }

  @Test
  void acquire_afterStoreLostItsData_fencingTokenStillGreater() {
    long highest = 0;
    for (int i = 0; i < 3; i++) {
      try (Lock lock = locks.acquire("job", LONG, Duration.ZERO)) {
        highest = Math.max(highest, lock.fencingToken());
      }
    }

    // what a server restarted without persistence has lost: every key, the fencing counter included
    kv.deletePrefix("");
    passTime(Duration.ofMillis(1));

    try (Lock lock = locks.acquire("job", LONG, Duration.ZERO)) {
      assertThat(lock.fencingToken()).as("token after the data loss").isGreaterThan(highest);
    }
  }

  @Test
  void fencingToken_staysAnExactIntegerInLuaAndJava() {
    try (Lock lock = locks.acquire("job", LONG, Duration.ZERO)) {
      // Lua numbers are doubles: integers are exact only up to 2^53
      assertThat(lock.fencingToken()).isPositive().isLessThan(1L << 53);
    }
  }

  @Test
  void tryAcquire_heldByAnother_isEmptyAndLeavesHolder() {
    try (Lock holder = locks.acquire("job", LONG, Duration.ZERO)) {
      assertThat(locks.tryAcquire("job", LONG)).isEmpty();
      assertThat(holder.isHeld()).isTrue();
      assertThat(locks.tryAcquire("other-job", LONG)).hasValueSatisfying(Lock::release);
    }
  }

  @Test
  void release_byOwner_freesLockForNextHolder() {
    Lock first = locks.acquire("job", LONG, Duration.ZERO);

    assertThat(first.release()).isTrue();

    assertThat(first.isHeld()).isFalse();
    assertThat(first.release()).isFalse();
    try (Lock second = locks.tryAcquire("job", LONG).orElseThrow()) {
      assertThat(second.fencingToken()).isGreaterThan(first.fencingToken());
    }
  }

  @Test
  void release_afterExpiryAndTakeover_returnsFalseAndKeepsNewHolder() {
    Lock stale = locks.acquire("job", SHORT, Duration.ZERO);
    passTime(PAST_SHORT);
    Lock current = locks.tryAcquire("job", LONG).orElseThrow();

    assertThat(stale.release()).isFalse();

    assertThat(current.isHeld()).isTrue();
    assertThat(locks.tryAcquire("job", LONG)).isEmpty();
    assertThat(current.fencingToken()).isGreaterThan(stale.fencingToken());
    assertThat(current.release()).isTrue();
  }

  @Test
  void extend_byOwner_keepsLockPastItsFirstTtl() {
    try (Lock lock = locks.acquire("job", SHORT, Duration.ZERO)) {
      assertThat(lock.extend(LONG)).isTrue();

      passTime(PAST_SHORT);

      assertThat(lock.isHeld()).isTrue();
      assertThat(locks.tryAcquire("job", LONG)).isEmpty();
    }
  }

  @Test
  void extend_afterExpiryAndTakeover_returnsFalseAndChangesNothing() {
    Lock stale = locks.acquire("job", SHORT, Duration.ZERO);
    passTime(PAST_SHORT);
    Lock current = locks.tryAcquire("job", SHORT).orElseThrow();

    assertThat(stale.extend(LONG)).isFalse();

    // had the stale extend touched the current holder's lock, it would still be held after its own TTL
    passTime(PAST_SHORT);
    assertThat(current.isHeld()).isFalse();
    assertThat(locks.tryAcquire("job", LONG)).hasValueSatisfying(Lock::release);
  }

  @Test
  void close_afterExpiry_throwsLockLost() {
    Lock lock = locks.acquire("job", SHORT, Duration.ZERO);
    passTime(PAST_SHORT);

    assertThatThrownBy(lock::close)
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("LOCK_LOST"))
        .hasMessageContaining("'job'");
  }

  @Test
  void acquire_heldForWholeWait_throwsLockTimeout() {
    try (Lock holder = locks.acquire("job", LONG, Duration.ZERO)) {
      assertThatThrownBy(() -> locks.acquire("job", LONG, Duration.ofMillis(150)))
          .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("LOCK_TIMEOUT"))
          .hasMessageContaining("'job'");
      assertThat(holder.isHeld()).isTrue();
    }
  }

  @Test
  void acquire_whileWaiting_isWokenByRelease() throws Exception {
    Lock holder = locks.acquire("job", LONG, Duration.ZERO);
    Future<Lock> waiter = threads.submit(() -> locks.acquire("job", LONG, Duration.ofSeconds(20)));

    holder.release();

    try (Lock next = waiter.get(20, TimeUnit.SECONDS)) {
      assertThat(next.fencingToken()).isGreaterThan(holder.fencingToken());
    }
  }

  @Test
  void acquire_holderStopsRenewing_nextWaiterTakesOverAfterTtl() throws Exception {
    Lock silent = locks.acquire("job", SHORT, Duration.ZERO);
    Future<Lock> waiter = threads.submit(() -> locks.acquire("job", LONG, Duration.ofSeconds(20)));

    passTime(PAST_SHORT);

    try (Lock next = waiter.get(20, TimeUnit.SECONDS)) {
      assertThat(next.fencingToken()).isGreaterThan(silent.fencingToken());
      assertThat(silent.release()).isFalse();
      assertThat(next.isHeld()).isTrue();
    }
  }

  @Test
  void acquire_badInput_failsWithCodeAndTakesNoLock() {
    assertThatThrownBy(() -> locks.acquire("", LONG, Duration.ZERO))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("EMPTY_NAME"));
    assertThatThrownBy(() -> locks.acquire("job", Duration.ZERO, Duration.ZERO))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.code()).isEqualTo("INVALID_DURATION"));
    assertThatThrownBy(() -> locks.tryAcquire("job", Duration.ofMillis(-5)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> locks.acquire("job", LONG, Duration.ofSeconds(-1)))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.code()).isEqualTo("INVALID_DURATION"));

    assertThat(kv.scan("*").toList()).isEmpty();
  }

  @Test
  void acquire_contendedByManyThreads_neverOverlapsAndCountsExactly() throws Exception {
    int workers = 8;
    int rounds = 40;
    List<Future<List<Long>>> results = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      results.add(threads.submit(() -> {
        List<Long> fences = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
          try (Lock lock = locks.acquire("counter", LONG, Duration.ofSeconds(30))) {
            assertThat(kv.incr("holders")).as("holders inside the lock").isEqualTo(1);
            // a read-modify-write that only the lock makes safe
            long value = Long.parseLong(kv.get("count").orElse("0"));
            kv.set("count", Long.toString(value + 1));
            fences.add(lock.fencingToken());
            kv.decr("holders");
          }
        }
        return fences;
      }));
    }
    List<Long> allFences = new ArrayList<>();
    for (Future<List<Long>> result : results) {
      List<Long> fences = result.get(60, TimeUnit.SECONDS);
      assertThat(fences).isSorted().doesNotHaveDuplicates();
      allFences.addAll(fences);
    }

    assertThat(kv.get("count")).contains(Integer.toString(workers * rounds));
    assertThat(allFences).hasSize(workers * rounds).doesNotHaveDuplicates();
  }
}
