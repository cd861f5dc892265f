package dev.cairn.bench.subject;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/** Runs one task per virtual thread and waits for all; the first failure is rethrown. */
final class Parallel {
  private Parallel() {}

  /** A benchmark task for one thread. */
  @FunctionalInterface
  interface Task extends IntConsumer {}

  /** Runs the tasks and returns the wall-clock seconds they took together. */
  static double seconds(int threads, IntConsumer task) throws InterruptedException {
    long started = System.nanoTime();
    run(threads, task);
    return (System.nanoTime() - started) / 1e9;
  }

  static void run(int threads, IntConsumer task) throws InterruptedException {
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> done = new ArrayList<>(threads);
      for (int thread = 0; thread < threads; thread++) {
        int index = thread;
        done.add(pool.submit(() -> task.accept(index)));
      }
      for (Future<?> future : done) {
        try {
          future.get();
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException failure) {
            throw failure;
          }
          throw new IllegalStateException("a benchmark thread failed", e.getCause());
        }
      }
    }
  }
}
