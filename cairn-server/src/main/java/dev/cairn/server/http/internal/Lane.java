package dev.cairn.server.http.internal;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A fixed number of platform threads with a bounded queue, for blocking calls that must not run on a virtual
 * thread (a native call pins its carrier). The request's virtual thread hands the call over and waits, which
 * unmounts it.
 *
 * <p>Each call moves once from QUEUED to RUNNING or to ABANDONED, by compare-and-set, so exactly one side decides:
 * the worker starts it (unless the deadline passed or the client left, then it abandons it), or the waiting
 * request abandons it at its deadline. An abandoned call never runs; a running call is waited for to its end,
 * since stopping a write half-way would leave its outcome unknown. Thread-safe.
 */
final class Lane implements AutoCloseable {
  private static final int QUEUED = 0;
  private static final int RUNNING = 1;
  private static final int ABANDONED = 2;
  private final String name;
  private final ThreadPoolExecutor executor;
  private final int queueCapacity;

  Lane(String name, int threads, int queueCapacity) {
    this.name = name;
    this.queueCapacity = queueCapacity;
    BlockingQueue<Runnable> queue = queueCapacity == 0 ? new SynchronousQueue<>()
        : new ArrayBlockingQueue<>(queueCapacity);
    this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, queue,
        Thread.ofPlatform().name(name + "-", 1).daemon(true).factory(), new ThreadPoolExecutor.AbortPolicy());
  }

  /**
   * Runs {@code work} on a thread of this lane and returns its result; its exceptions are rethrown as they are.
   *
   * @throws ApiError 503 {@code OVERLOADED} when the queue is full, 503 {@code DEADLINE_EXCEEDED} when the
   *     request's deadline passed before a thread took the call, 499 {@code CLIENT_CLOSED_REQUEST} when its
   *     client left first; in all three cases the work did not run
   */
  <T> T call(RequestDeadline deadline, Supplier<T> work) {
    Call<T> call = new Call<>(deadline, work);
    try {
      executor.execute(call);
    } catch (RejectedExecutionException e) {
      throw ApiError.refused(503, "OVERLOADED", "the server is busy: " + executor.getActiveCount()
          + " database calls running and " + executor.getQueue().size() + " waiting; retry later",
          Map.of("running", executor.getActiveCount(), "queued", executor.getQueue().size()));
    }
    return call.await();
  }

  /** Calls running now. */
  int running() {
    return executor.getActiveCount();
  }

  /** Calls waiting for a thread now. */
  int queued() {
    return executor.getQueue().size();
  }

  /** Whether the queue is full, so the next call would be refused. */
  boolean full() {
    return executor.getActiveCount() >= executor.getMaximumPoolSize() && queued() >= queueCapacity;
  }

  /** Lets running calls finish (briefly) and stops the threads; queued calls are dropped. */
  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "Lane[" + name + ", threads=" + executor.getMaximumPoolSize() + ", queue=" + queueCapacity + "]";
  }

  private static final class Call<T> implements Runnable {
    private final RequestDeadline deadline;
    private final Supplier<T> work;
    private final AtomicInteger state = new AtomicInteger(QUEUED);
    private final CompletableFuture<T> result = new CompletableFuture<>();

    Call(RequestDeadline deadline, Supplier<T> work) {
      this.deadline = deadline;
      this.work = work;
    }

    @Override
    public void run() {
      if (deadline.expired()) {
        abandon(deadlineExceeded());
        return;
      }
      if (deadline.clientGone()) {
        abandon(ApiError.refused(499, "CLIENT_CLOSED_REQUEST",
            "the client closed the connection before the request started; nothing was done", Map.of()));
        return;
      }
      if (!state.compareAndSet(QUEUED, RUNNING)) {
        return;
      }
      try {
        result.complete(work.get());
      } catch (Throwable failure) {
        result.completeExceptionally(failure);
      }
    }

    private void abandon(ApiError why) {
      if (state.compareAndSet(QUEUED, ABANDONED)) {
        result.completeExceptionally(why);
      }
    }

    T await() {
      try {
        try {
          return result.get(Math.max(0, deadline.remainingNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          if (state.compareAndSet(QUEUED, ABANDONED)) {
            throw deadlineExceeded();
          }
          return result.get(); // started: the database's own timeouts bound it
        }
      } catch (ExecutionException e) {
        throw rethrow(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        if (state.compareAndSet(QUEUED, ABANDONED)) {
          throw ApiError.refused(503, "INTERRUPTED", "the server is stopping; nothing was done", Map.of());
        }
        throw new ApiError(503, "INTERRUPTED", "the server is stopping; the outcome of this request is unknown",
            "cairn.server", Map.of());
      }
    }

    private static RuntimeException rethrow(Throwable cause) {
      if (cause instanceof RuntimeException runtime) {
        return runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      return new IllegalStateException("database call failed", cause);
    }

    private static ApiError deadlineExceeded() {
      return ApiError.refused(503, "DEADLINE_EXCEEDED",
          "the request waited past its deadline for a database thread; nothing was done", Map.of());
    }
  }
}
