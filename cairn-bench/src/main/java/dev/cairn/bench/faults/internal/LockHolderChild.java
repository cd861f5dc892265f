package dev.cairn.bench.faults.internal;

import dev.cairn.core.CairnException;
import dev.cairn.core.UnavailableException;
import dev.cairn.kv.KeyValue;
import dev.cairn.kv.coord.Lock;
import dev.cairn.kv.coord.Locks;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The lock holder the {@code lock_pause} scenario pauses: {@code LockHolderChild <redis-url> <lock> <fence-file>
 * <lease-ms>} reads commands from standard input and answers on standard output:
 *
 * <pre>
 * acquire -&gt; held &lt;token&gt; accepted|refused &lt;ms&gt;  takes the lock, writes to the fenced resource
 *         -&gt; error &lt;CODE&gt;                          the lock could not be taken within 10 s
 * write   -&gt; stale &lt;token&gt; accepted|refused        writes again with its token (after the pause)
 * </pre>
 *
 * It ends at the end of its input.
 */
public final class LockHolderChild {
  private static final Duration ACQUIRE_WAIT = Duration.ofSeconds(10);

  private LockHolderChild() {}

  public static void main(String[] args) throws Exception {
    String lockName = args[1];
    FencedResource resource = new FencedResource(Path.of(args[2]));
    Duration lease = Duration.ofMillis(Long.parseLong(args[3]));
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    try (KeyValue kv = KeyValue.open(args[0]); Locks locks = Locks.on(kv)) {
      Lock lock = null;
      String command;
      while ((command = in.readLine()) != null) {
        switch (command.strip()) {
          case "acquire" -> {
            long start = System.nanoTime();
            try {
              lock = acquire(locks, lockName, lease);
              boolean accepted = resource.write(lock.fencingToken(), "child");
              answer("held " + lock.fencingToken() + " " + (accepted ? "accepted" : "refused") + " "
                  + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            } catch (CairnException e) {
              answer("error " + e.code());
            }
          }
          case "write" -> {
            if (lock == null) {
              answer("error NOT_HELD");
            } else {
              answer("stale " + lock.fencingToken() + " "
                  + (resource.write(lock.fencingToken(), "child-after-pause") ? "accepted" : "refused"));
              releaseQuietly(lock);
              lock = null;
            }
          }
          default -> answer("error UNKNOWN_COMMAND");
        }
      }
    }
  }

  /** Takes the lock, retrying while the store is unreachable (it may just have been restarted). */
  public static Lock acquire(Locks locks, String name, Duration lease) throws InterruptedException {
    long deadline = System.nanoTime() + ACQUIRE_WAIT.toNanos();
    while (true) {
      try {
        return locks.acquire(name, lease, ACQUIRE_WAIT);
      } catch (UnavailableException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }

  private static void releaseQuietly(Lock lock) {
    try {
      lock.release();
    } catch (CairnException e) {
      // the lease ran out long ago; the store may have been restarted: nothing to release
    }
  }

  private static void answer(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
