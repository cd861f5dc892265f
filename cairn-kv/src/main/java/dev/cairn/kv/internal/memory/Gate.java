package dev.cairn.kv.internal.memory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A shared/exclusive gate for the memory store: single-key operations enter it shared, operations Redis runs
 * atomically over several keys (MSET, multi-key DEL, scripts) exclusive. It replaces one {@code StampedLock} whose
 * state word every single-key operation CASed twice; on a multi-core machine that one cache line moved between cores
 * on every operation and cost more than the map access it guarded. Here:
 *
 * <ul>
 *   <li>a shared entry adds one to a counter in a stripe chosen by the thread, stripes a cache line apart, so
 *       threads on different cores do not write the same line;
 *   <li>a pure read needs no entry at all: it reads {@link #version()} before and validates it after (a seqlock,
 *       as {@code StampedLock.tryOptimisticRead} does), and retries shared only if an exclusive operation ran
 *       meanwhile;
 *   <li>an exclusive operation takes a lock (exclusive operations queue), makes the version odd (new shared entries
 *       back off and wait on that lock; optimistic reads fail), waits for the stripes to drain, runs, and makes the
 *       version even again.
 * </ul>
 *
 * <p>Correctness rests on the Dekker pattern between volatile accesses: a shared entry increments its stripe and
 * then reads the version; an exclusive one increments the version and then reads the stripes, so at least one of
 * them sees the other. Not reentrant in either direction: code inside must not enter again (the memory backend calls
 * its data directly under the gate, never back into itself).
 */
final class Gate {
  private static final VarHandle COUNTS = MethodHandles.arrayElementVarHandle(long[].class);
  /** Longs between two stripes' counters: 128 bytes, two cache lines, so adjacent-line prefetch does not pair them. */
  private static final int SPACING = 16;
  /** Spins on a busy stripe before yielding the processor to the thread being waited for. */
  private static final int SPINS = 64;

  private final long[] counts;
  private final int mask;
  private final AtomicLong version = new AtomicLong();
  private final ReentrantLock exclusive = new ReentrantLock();

  Gate() {
    int stripes = Integer.highestOneBit(Math.max(1, Runtime.getRuntime().availableProcessors()) * 4 - 1) << 1;
    this.mask = Math.min(stripes, 64) - 1;
    // One spacing before the first stripe keeps it off the array header's line.
    this.counts = new long[(mask + 2) * SPACING];
  }

  /**
   * Enters shared; pass the result to {@link #exitShared}. Blocks while an exclusive operation runs.
   *
   * @return the slot entered
   */
  int enterShared() {
    int slot = slot();
    while (true) {
      COUNTS.getAndAdd(counts, slot, 1L);
      if ((version.get() & 1) == 0) {
        return slot;
      }
      COUNTS.getAndAdd(counts, slot, -1L);
      // The version is odd only while the exclusive lock is held: waiting for it waits for the operation's end.
      exclusive.lock();
      exclusive.unlock();
    }
  }

  void exitShared(int slot) {
    COUNTS.getAndAdd(counts, slot, -1L);
  }

  /**
   * A stamp for an optimistic read: the current version, odd (and so never valid) while an exclusive operation
   * runs.
   */
  long version() {
    return version.get();
  }

  /** Whether no exclusive operation ran or started since {@code stamp} was taken; call after the reads. */
  boolean validate(long stamp) {
    VarHandle.acquireFence();
    return (stamp & 1) == 0 && version.get() == stamp;
  }

  /** Enters exclusive: waits for running shared operations to end and keeps new ones out until {@link #exitExclusive}. */
  void enterExclusive() {
    exclusive.lock();
    version.incrementAndGet();
    for (int slot = SPACING; slot < counts.length; slot += SPACING) {
      for (int spins = 0; (long) COUNTS.getVolatile(counts, slot) != 0; spins++) {
        if (spins < SPINS) {
          Thread.onSpinWait();
        } else {
          Thread.yield();
        }
      }
    }
  }

  void exitExclusive() {
    version.incrementAndGet();
    exclusive.unlock();
  }

  /** A virtual thread runs on one carrier until it blocks, so the thread's id keeps a stripe on one core for long. */
  private int slot() {
    long id = Thread.currentThread().threadId();
    int hash = (int) (id * 0x9E3779B97F4A7C15L >>> 32);
    return ((hash & mask) + 1) * SPACING;
  }
}
