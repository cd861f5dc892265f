package dev.cairn.kv.coord.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.ConflictException;
import dev.cairn.core.InvalidInputException;
import dev.cairn.kv.conformance.KeyValueFixture;
import dev.cairn.kv.coord.Lock;
import dev.cairn.kv.coord.Locks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every backend must show for {@link Locks}, part of {@link CoordinationConformance}: ownership,
 * fencing, owner-only release and extend, expiry, waiting and contention. Time passes through {@link #passTime},
 * so the memory suite runs on a manual clock; waiting threads still block in real time, bounded by the lock's poll
 * interval.
 */
public interface LockConformance extends KeyValueFixture {
  Duration LONG = Duration.ofMinutes(1);
  Duration SHORT = Duration.ofMillis(300);
  Duration PAST_SHORT = Duration.ofMillis(500);

  @Test
  default void acquire_freeLock_givesOwnerAndFencingToken() {
    Locks locks = openLocks();
    try (Lock lock = locks.acquire("job", LONG, Duration.ZERO)) {
      assertThat(lock.name()).isEqualTo("job");
      assertThat(lock.ownerToken()).hasSize(32);
      assertThat(lock.fencingToken()).isPositive();
      assertThat(lock.isHeld()).isTrue();
    }
  }

  @Test
  default void acquire_sameNameRepeatedly_fencingTokensStrictlyIncrease() {
    Locks locks = openLocks();
    long previous = 0;
    for (int i = 0; i < 5; i++) {
      try (Lock lock = locks.acquire("job", LONG, Duration.ZERO)) {
        assertThat(lock.fencingToken()).isGreaterThan(previous);
        previous = lock.fencingToken();
      }
    }
  }

  @Test
  default void acquire_afterStoreLostItsData_fencingTokenStillGreater() {
    Locks locks = openLocks();
    long highest = 0;
    for (int i = 0; i < 3; i++) {
      try (Lock lock = locks.acquire("job", LONG, Duration.ZERO)) {
        highest = Math.max(highest, lock.fencingToken());
      }
    }

    // what a server restarted without persistence has lost: every key, the fencing counter included
    kv().deletePrefix("");
    passTime(Duration.ofMillis(1));

    try (Lock lock = locks.acquire("job", LONG, Duration.ZERO)) {
      assertThat(lock.fencingToken()).as("token after the data loss").isGreaterThan(highest);
    }
  }

  @Test
  default void fencingToken_staysAnExactIntegerInLuaAndJava() {
    Locks locks = openLocks();
    try (Lock lock = locks.acquire("job", LONG, Duration.ZERO)) {
      // Lua numbers are doubles: integers are exact only up to 2^53
      assertThat(lock.fencingToken()).isPositive().isLessThan(1L << 53);
    }
  }

  @Test
  default void tryAcquire_heldByAnother_isEmptyAndLeavesHolder() {
    Locks locks = openLocks();
    try (Lock holder = locks.acquire("job", LONG, Duration.ZERO)) {
      assertThat(locks.tryAcquire("job", LONG)).isEmpty();
      assertThat(holder.isHeld()).isTrue();
      assertThat(locks.tryAcquire("other-job", LONG)).hasValueSatisfying(Lock::release);
    }
  }

  @Test
  default void release_byOwner_freesLockForNextHolder() {
    Locks locks = openLocks();
    Lock first = locks.acquire("job", LONG, Duration.ZERO);

    assertThat(first.release()).isTrue();

    assertThat(first.isHeld()).isFalse();
    assertThat(first.release()).isFalse();
    try (Lock second = locks.tryAcquire("job", LONG).orElseThrow()) {
      assertThat(second.fencingToken()).isGreaterThan(first.fencingToken());
    }
  }

  @Test
  default void release_afterExpiryAndTakeover_returnsFalseAndKeepsNewHolder() {
    Locks locks = openLocks();
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
  default void extend_byOwner_keepsLockPastItsFirstTtl() {
    Locks locks = openLocks();
    try (Lock lock = locks.acquire("job", SHORT, Duration.ZERO)) {
      assertThat(lock.extend(LONG)).isTrue();

      passTime(PAST_SHORT);

      assertThat(lock.isHeld()).isTrue();
      assertThat(locks.tryAcquire("job", LONG)).isEmpty();
    }
  }

  @Test
  default void extend_afterExpiryAndTakeover_returnsFalseAndChangesNothing() {
    Locks locks = openLocks();
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
  default void close_afterExpiry_throwsLockLost() {
    Locks locks = openLocks();
    Lock lock = locks.acquire("job", SHORT, Duration.ZERO);
    passTime(PAST_SHORT);

    assertThatThrownBy(lock::close)
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("LOCK_LOST"))
        .hasMessageContaining("'job'");
  }

  @Test
  default void acquire_heldForWholeWait_throwsLockTimeout() {
    Locks locks = openLocks();
    try (Lock holder = locks.acquire("job", LONG, Duration.ZERO)) {
      assertThatThrownBy(() -> locks.acquire("job", LONG, Duration.ofMillis(150)))
          .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("LOCK_TIMEOUT"))
          .hasMessageContaining("'job'");
      assertThat(holder.isHeld()).isTrue();
    }
  }

  @Test
  default void acquire_whileWaiting_isWokenByRelease() throws Exception {
    // waiters that poll only hourly, and a holder whose TTL outlasts the test: only the release's wake-up can end
    // the wait in time
    Locks locks = closeAfterTest(Locks.on(kv(), Duration.ofHours(1)));
    Lock holder = locks.acquire("job", Duration.ofMinutes(10), Duration.ZERO);
    // released before the waiter sleeps, the lock would be found free without any wake-up
    CompletableFuture<Lock> next = Waiters.sleepingForWakeUp(this,
        () -> locks.acquire("job", LONG, Duration.ofMinutes(5)));

    holder.release();

    assertThat(next).as("the waiter, woken by the release").succeedsWithin(Duration.ofSeconds(30))
        .satisfies(acquired -> assertThat(acquired.fencingToken()).isGreaterThan(holder.fencingToken()));
  }

  @Test
  default void acquire_holderStopsRenewing_nextWaiterTakesOverAfterTtl() throws Exception {
    Locks locks = openLocks();
    Lock silent = locks.acquire("job", SHORT, Duration.ZERO);
    Future<Lock> waiter = threads().submit(() -> locks.acquire("job", LONG, Duration.ofSeconds(20)));

    passTime(PAST_SHORT);

    try (Lock next = waiter.get(20, TimeUnit.SECONDS)) {
      assertThat(next.fencingToken()).isGreaterThan(silent.fencingToken());
      assertThat(silent.release()).isFalse();
      assertThat(next.isHeld()).isTrue();
    }
  }

  @Test
  default void acquire_badInput_failsWithCodeAndTakesNoLock() {
    Locks locks = openLocks();
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
    assertThatThrownBy(() -> Locks.on(kv(), Duration.ZERO))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.code()).isEqualTo("INVALID_DURATION"));

    assertThat(kv().scan("*").toList()).isEmpty();
  }

  @Test
  default void acquire_contendedByManyThreads_neverOverlapsAndCountsExactly() throws Exception {
    Locks locks = openLocks();
    int workers = 8;
    int rounds = 40;
    List<Future<List<Long>>> results = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      results.add(threads().submit(() -> {
        List<Long> fences = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
          try (Lock lock = locks.acquire("counter", LONG, Duration.ofSeconds(30))) {
            assertThat(kv().incr("holders")).as("holders inside the lock").isEqualTo(1);
            // a read-modify-write that only the lock makes safe
            long value = Long.parseLong(kv().get("count").orElse("0"));
            kv().set("count", Long.toString(value + 1));
            fences.add(lock.fencingToken());
            kv().decr("holders");
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

    assertThat(kv().get("count")).contains(Integer.toString(workers * rounds));
    assertThat(allFences).hasSize(workers * rounds).doesNotHaveDuplicates();
  }

  private Locks openLocks() {
    return closeAfterTest(Locks.on(kv()));
  }
}
