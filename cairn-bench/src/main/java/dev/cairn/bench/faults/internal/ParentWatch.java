package dev.cairn.bench.faults.internal;

import java.io.IOException;

/** Ends a child JVM of the fault suite when its parent goes away, so a crashed run leaves no writer behind. */
final class ParentWatch {
  private ParentWatch() {}

  /** Starts a daemon thread that exits the JVM with status 0 when standard input reaches its end. */
  static void exitWhenParentGone() {
    Thread.ofPlatform().daemon().name("fault-parent-watch").start(() -> {
      try {
        while (System.in.read() >= 0) {
          // the parent writes nothing here; we only wait for the end of the stream
        }
      } catch (IOException e) {
        // the same: the parent is gone
      }
      System.exit(0);
    });
  }
}
