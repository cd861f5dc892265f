package dev.cairn.subject.conformance;

import dev.cairn.subject.Subject;
import dev.cairn.subject.SubjectStorages;
import dev.cairn.subject.Subjects;
import dev.cairn.subject.Write;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One side of {@link CrossProcessIncrements}: threads that each add 1 to one property of one subject
 * {@code rounds} times, by a function write or by the storage's increment; with {@code noise}, each thread also
 * writes a property of its own after every increment. Run as a main class in the second JVM.
 */
final class SubjectContender {
  static final String COUNTER = "counter";

  private SubjectContender() {}

  /** Arguments: storage URL, subject, mode (function|increment), threads, rounds, noise (true|false), tag. */
  public static void main(String[] args) throws Exception {
    try (Subjects subjects = Subjects.on(SubjectStorages.open(args[0]))) {
      run(subjects, args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]),
          Boolean.parseBoolean(args[5]), args[6]);
    }
    System.out.println("done");
  }

  static void run(Subjects subjects, String name, String mode, int threads, int rounds, boolean noise, String tag)
      throws Exception {
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String own = "noise-" + tag + "-" + t;
        done.add(pool.submit(() -> {
          Subject subject = subjects.get(name);
          for (int i = 0; i < rounds; i++) {
            if (mode.equals("increment")) {
              subject.increment(COUNTER, 1, Write.DIRECT.mute());
            } else {
              subject.set(COUNTER, old -> old == null ? 1L : (Long) old + 1, Write.DIRECT.mute());
            }
            if (noise) {
              subject.set(own, i, Write.DIRECT.mute());
            }
          }
          return null;
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    }
  }
}
