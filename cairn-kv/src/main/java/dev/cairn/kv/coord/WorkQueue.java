package dev.cairn.kv.coord;

import dev.cairn.core.CairnException;
import dev.cairn.core.InvalidInputException;
import dev.cairn.core.Status;
import dev.cairn.kv.KeyValue;
import dev.cairn.kv.spi.Script;
import dev.cairn.kv.spi.ScriptResult;
import dev.cairn.kv.spi.Scripting;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An at-least-once work queue on a Redis stream with one consumer group ({@code cairn}), shared by every process
 * that opens the same queue name:
 *
 * <pre>{@code
 * try (WorkQueue queue = WorkQueue.on(kv, "emails", Duration.ofMinutes(5))) {
 *   queue.push(json);
 *   queue.take(Duration.ofSeconds(10)).ifPresent(job -> { send(job.payload()); queue.ack(job); });
 * }
 * }</pre>
 *
 * <p><b>Design.</b> Each instance is one consumer with a random name. {@link #take} hands out a job and keeps it in
 * the group's pending list under this consumer; it stays invisible to others for the visibility timeout. A job not
 * acknowledged by then is presumed abandoned (its consumer died or hung) and the next take by any consumer reclaims
 * it (XAUTOCLAIM), with its delivery count raised; reclaimed jobs come before new ones. {@link #ack} acknowledges and
 * deletes the entry only while this consumer still holds it, so a late ack after a reclaim changes nothing and says
 * so. Work must therefore be idempotent or guarded by {@link Job#deliveries()}. Waiting takes sleep until a push is
 * announced on the channel {@code queue:pushed} or a bounded poll interval passes (which also catches timeouts). On
 * the memory store a Java twin of the stream keeps the same semantics, timed by the store's clock.
 *
 * <p>Thread-safe: the threads of one process normally share one instance, and so one consumer name (a process
 * that dies then leaves all its jobs to be reclaimed) and one push subscription. Failures are those of
 * {@link KeyValue} plus the ones listed.
 */
public final class WorkQueue implements AutoCloseable {
  static final String GROUP = "cairn";
  /** The longest a waiting take sleeps before looking again without having been woken, unless configured otherwise. */
  static final Duration DEFAULT_MAX_POLL_INTERVAL = Duration.ofMillis(100);
  private static final Pattern JOB_ID = Pattern.compile("\\d{1,19}-\\d{1,19}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Scripting scripting;
  private final String name;
  private final Duration visibilityTimeout;
  private final String consumer;
  private final WakeupChannel pushes;
  private final long maxPollNanos;

  private WorkQueue(KeyValue kv, String name, Duration visibilityTimeout, long maxPollNanos) {
    this.scripting = Scripting.of(kv);
    this.name = name;
    this.visibilityTimeout = visibilityTimeout;
    this.maxPollNanos = maxPollNanos;
    this.consumer = "consumer-" + randomHex();
    this.pushes = new WakeupChannel(kv, "queue:pushed");
  }

  /**
   * The queue {@code name} in {@code kv}, as a new consumer.
   *
   * @param visibilityTimeout how long a taken job stays with its consumer before others may reclaim it
   * @throws InvalidInputException {@code EMPTY_NAME} for an empty name, {@code INVALID_DURATION} for a timeout
   *     below 1 ms
   * @throws IllegalArgumentException for a {@link KeyValue} not opened by {@link KeyValue#open}
   */
  public static WorkQueue on(KeyValue kv, String name, Duration visibilityTimeout) {
    return on(kv, name, visibilityTimeout, DEFAULT_MAX_POLL_INTERVAL);
  }

  /**
   * The queue {@code name} in {@code kv}, as a new consumer whose waiting takes, when no push wakes them, look
   * again at least every {@code maxPollInterval} (100 ms with {@link #on(KeyValue, String, Duration)}). A longer
   * interval costs fewer store calls while waiting; a push whose message is lost, or a job becoming reclaimable,
   * is then noticed up to that late.
   *
   * @throws InvalidInputException as {@link #on(KeyValue, String, Duration)}, and {@code INVALID_DURATION} for a
   *     poll interval below 1 ms
   * @throws IllegalArgumentException as {@link #on(KeyValue, String, Duration)}
   */
  public static WorkQueue on(KeyValue kv, String name, Duration visibilityTimeout, Duration maxPollInterval) {
    Objects.requireNonNull(kv, "kv");
    return new WorkQueue(kv, Checks.name("queue name", name), Checks.atLeastOneMilli("visibility timeout",
        visibilityTimeout), Checks.pollIntervalNanos("queue poll interval", maxPollInterval));
  }

  /** Appends a job and wakes waiting consumers; returns its id. */
  public String push(String payload) {
    Objects.requireNonNull(payload, "payload");
    String id = scripting.run(QueueScripts.PUSH, List.of(streamKey()),
        List.of(payload, pushes.fullChannel(), name)).textAt(0);
    pushes.announce(name);
    return id;
  }

  /**
   * The oldest abandoned job (taken but not acknowledged within the visibility timeout), else the oldest job never
   * taken, waiting up to {@code wait} for one.
   *
   * @param wait how long to wait when there is none; zero looks once
   * @return the job, now held by this consumer, or empty when none came within the wait
   * @throws InvalidInputException {@code INVALID_DURATION} for a negative wait
   * @throws CairnException {@code INTERRUPTED} when the thread is interrupted while waiting (its flag is set again)
   */
  public Optional<Job> take(Duration wait) {
    Checks.notNegative("take wait", wait);
    long deadline = Checks.deadlineAfter(wait);
    Optional<Job> job = takeNow();
    if (job.isPresent() || wait.isZero()) {
      return job;
    }
    Signal signal = pushes.join(name);
    try {
      while (true) {
        long seen = signal.generation();
        job = takeNow();
        long left = deadline - System.nanoTime();
        if (job.isPresent() || left <= 0) {
          return job;
        }
        signal.awaitAfter(seen, Math.min(left, maxPollNanos));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CairnException(Status.ERROR, "INTERRUPTED", "interrupted while waiting on queue '" + name + "'",
          Map.of(), e);
    } finally {
      pushes.leave(name);
    }
  }

  /**
   * Acknowledges a job taken by this consumer and deletes it from the queue.
   *
   * @return true when acknowledged; false when this consumer no longer holds it (another consumer reclaimed it
   *     after the visibility timeout, or it was already acknowledged), in which case nothing changed
   * @throws InvalidInputException {@code INVALID_JOB_ID} for an id that is not a stream id
   */
  public boolean ack(Job job) {
    return runOnJob(QueueScripts.ACK, job);
  }

  /**
   * Keeps a job this consumer holds for another visibility timeout from now, for work that takes longer than one.
   *
   * @return true when extended; false when this consumer no longer holds it (reclaimed or acknowledged)
   * @throws InvalidInputException {@code INVALID_JOB_ID} for an id that is not a stream id
   */
  public boolean extend(Job job) {
    return runOnJob(QueueScripts.EXTEND, job);
  }

  /** The queue name. */
  public String name() {
    return name;
  }

  /** This instance's consumer name in the group. */
  public String consumer() {
    return consumer;
  }

  public Duration visibilityTimeout() {
    return visibilityTimeout;
  }

  /** Closes the push subscription; taking still works, waiting then relies on polling alone. Idempotent. */
  @Override
  public void close() {
    pushes.close();
  }

  private boolean runOnJob(Script script, Job job) {
    Objects.requireNonNull(job, "job");
    if (!JOB_ID.matcher(job.id()).matches()) {
      throw new InvalidInputException("INVALID_JOB_ID", "job id '" + job.id() + "' is not a stream id <ms>-<seq>");
    }
    return scripting.run(script, List.of(streamKey()), List.of(GROUP, consumer, job.id())).longAt(0) == 1;
  }

  private Optional<Job> takeNow() {
    List<String> args = List.of(GROUP, consumer, Long.toString(visibilityTimeout.toMillis()));
    ScriptResult result = scripting.run(QueueScripts.TAKE, List.of(streamKey()), args);
    if (result.size() == 0) {
      return Optional.empty();
    }
    return Optional.of(new Job(result.textAt(0), result.textAt(1), result.longAt(2)));
  }

  private String streamKey() {
    return Scripting.hashTag("queue:" + name) + ":stream";
  }

  private static String randomHex() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
