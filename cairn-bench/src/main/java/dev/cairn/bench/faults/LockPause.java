package dev.cairn.bench.faults;

import dev.cairn.bench.faults.internal.ChildJvm;
import dev.cairn.bench.faults.internal.FailureCodes;
import dev.cairn.bench.faults.internal.FencedResource;
import dev.cairn.bench.faults.internal.LockHolderChild;
import dev.cairn.bench.faults.internal.RedisServer;
import dev.cairn.core.CairnException;
import dev.cairn.kv.KeyValue;
import dev.cairn.kv.coord.Lock;
import dev.cairn.kv.coord.Locks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code lock_pause}: a child JVM takes a Cairn lock (on a private Redis without persistence) with an 800 ms lease
 * and writes to a fenced resource with its fencing token; it is paused with SIGSTOP past the lease; this process
 * takes the lock and writes with its own token; the child is resumed with SIGCONT and writes again with its old
 * token, which the resource's token check must refuse. In every second round Redis is also killed and restarted
 * during the pause, losing everything it held: fencing tokens must still not go backwards.
 *
 * <p>Attempts are the fenced writes; acknowledged the legitimate holders' writes accepted; {@code false_failures} a
 * legitimate holder's write refused (its token was below one handed out before); {@code duplicated} a stale write
 * accepted after another holder took over, an overlap the fence should have prevented. {@code max_wait_ms} is the
 * longest acquisition plus write. The tokens handed out are listed in order in {@code tokens}.
 */
final class LockPause implements Scenario {
  private static final Duration LEASE = Duration.ofMillis(800);
  private static final Duration PAST_LEASE = Duration.ofMillis(400);
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);
  private static final String LOCK = "fault-fenced";

  @Override
  public String name() {
    return "lock_pause";
  }

  @Override
  public FaultReport run(Duration load, Path directory) throws Exception {
    int rounds = (int) Math.max(4, load.toSeconds() / 2);
    FencedResource resource = new FencedResource(directory.resolve("fenced.db"));
    resource.create();
    Figures figures = new Figures();
    try (RedisServer redis = RedisServer.start(directory.resolve("redis"), false);
        KeyValue kv = KeyValue.open(redis.url());
        Locks locks = Locks.on(kv);
        ChildJvm child = ChildJvm.start("lock-holder", LockHolderChild.class.getName(), List.of(),
            List.of(redis.url(), LOCK, directory.resolve("fenced.db").toString(), Long.toString(LEASE.toMillis())),
            Map.of(), directory.resolve("lock-holder.err"), line -> { })) {
      for (int round = 0; round < rounds; round++) {
        round(round % 2 == 1, redis, locks, child, resource, figures);
      }
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("pauses", figures.pauses);
    details.put("restarts", figures.restarts);
    details.put("takeovers", figures.takeovers);
    details.put("stale_accepted", figures.staleAccepted);
    details.put("tokens", figures.tokens.isEmpty() ? "none" : String.join(",", figures.tokens));
    details.put("codes", figures.codes.toString());
    return new FaultReport(name(), figures.attempts, figures.acked, 0, figures.staleAccepted, figures.refusedHolders,
        figures.maxWaitMs, details);
  }

  private static void round(boolean restart, RedisServer redis, Locks locks, ChildJvm child, FencedResource resource,
      Figures figures) throws Exception {
    child.send("acquire");
    String[] held = child.awaitLine(line -> line.startsWith("held ") || line.startsWith("error "), ANSWER_TIMEOUT)
        .split(" ");
    if (held[0].equals("error")) {
      figures.codes.add("child:" + held[1]);
      return;
    }
    figures.tokens.add("child:" + held[1]);
    figures.write(held[2].equals("accepted"), Long.parseLong(held[3]));
    child.pause();
    figures.pauses++;
    boolean tookOver;
    try {
      Thread.sleep(LEASE.plus(PAST_LEASE).toMillis());
      if (restart) {
        redis.kill9();
        redis.restart();
        figures.restarts++;
      }
      tookOver = takeOver(locks, resource, figures);
    } finally {
      child.resume();
    }
    child.send("write");
    String[] stale = child.awaitLine(line -> line.startsWith("stale ") || line.startsWith("error "), ANSWER_TIMEOUT)
        .split(" ");
    if (tookOver) {
      // only a write after someone else took over is stale; without a takeover nothing could overlap
      figures.attempts++;
      figures.staleAccepted += stale[0].equals("stale") && stale[2].equals("accepted") ? 1 : 0;
    }
  }

  /** Takes the lock here while the child is paused and writes with the new token; false when it could not. */
  private static boolean takeOver(Locks locks, FencedResource resource, Figures figures) throws Exception {
    long start = System.nanoTime();
    Lock lock;
    try {
      lock = LockHolderChild.acquire(locks, LOCK, LEASE);
    } catch (CairnException e) {
      figures.codes.add("takeover:" + e.code());
      return false;
    }
    try {
      figures.takeovers++;
      figures.tokens.add("takeover:" + lock.fencingToken());
      figures.write(resource.write(lock.fencingToken(), "takeover"), (System.nanoTime() - start) / 1_000_000);
      return true;
    } finally {
      try {
        lock.release();
      } catch (CairnException e) {
        figures.codes.add("release:" + e.code());
      }
    }
  }

  /** The scenario's counts; one thread. */
  private static final class Figures {
    long attempts;
    long acked;
    long refusedHolders;
    long staleAccepted;
    long maxWaitMs;
    int pauses;
    int restarts;
    int takeovers;
    final List<String> tokens = new ArrayList<>();
    final FailureCodes codes = new FailureCodes();

    void write(boolean accepted, long millis) {
      attempts++;
      if (accepted) {
        acked++;
      } else {
        refusedHolders++;
      }
      maxWaitMs = Math.max(maxWaitMs, millis);
    }
  }
}
