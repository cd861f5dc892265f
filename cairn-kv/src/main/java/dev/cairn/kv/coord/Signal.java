package dev.cairn.kv.coord;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A wake-up for the threads of this process waiting on one name (a lock, a queue). Waiters read the
 * {@link #generation()} before they look at the store and wait only while it is unchanged, so a wake-up that
 * arrives between the look and the wait is not lost. A {@link #fire()} wakes one waiter, not all: one release lets
 * only one thread win, and waking every waiter of every process made each release cost a burst of failed attempts
 * (a thundering herd). Waiters still wake on their own after their poll interval, so a wake-up that goes to a
 * thread that then gives up delays the others by at most that interval. A {@link ReentrantLock} rather than a
 * monitor, so waiting virtual threads do not pin their carrier. Thread-safe.
 */
final class Signal {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private long generation;
  private int waiters;

  long generation() {
    lock.lock();
    try {
      return generation;
    } finally {
      lock.unlock();
    }
  }

  /** Wakes one waiter; the others see the new generation when they wake by themselves. */
  void fire() {
    lock.lock();
    try {
      generation++;
      changed.signal();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until a {@link #fire()} after {@code seenGeneration} or until {@code nanos} pass.
   *
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  void awaitAfter(long seenGeneration, long nanos) throws InterruptedException {
    lock.lock();
    try {
      long left = nanos;
      while (generation == seenGeneration && left > 0) {
        left = changed.awaitNanos(left);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Counts a waiter in; only called inside the owning map's compute for this name. */
  Signal join() {
    waiters++;
    return this;
  }

  /** Counts a waiter out; returns whether none is left. Only called inside the owning map's compute. */
  boolean leave() {
    return --waiters == 0;
  }
}
