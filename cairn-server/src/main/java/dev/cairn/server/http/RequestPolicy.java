package dev.cairn.server.http;

import dev.cairn.core.InvalidInputException;
import java.time.Duration;
import java.util.Objects;

/**
 * How the admin API bounds the work of a request and lets clients retry writes safely. Immutable and validated
 * when built; part of {@link AdminConfig}.
 *
 * <p>Database calls run on platform threads, one pool per database sized to its connection pool (SQLite: the
 * read pool, plus one thread for the single writer connection), because a blocking native call (sqlite-jdbc)
 * would otherwise pin the virtual thread's carrier and stall every other request. A call waits in a bounded
 * queue for a thread: when the queue is full the request is refused at once with 503 {@code OVERLOADED} and
 * {@code Retry-After}; when it has waited past its deadline it is refused with 503 {@code DEADLINE_EXCEEDED} and
 * never runs; when its client has gone meanwhile it never runs either. A call that has started is left to finish
 * (the database's own timeouts bound it), so a write is never reported failed while it may still commit.
 *
 * @param requestTimeout how long a request may wait for a database thread (its deadline, counted from its
 *     arrival); 5 s by default
 * @param maxQueuedCalls how many database calls may wait per pool before more are refused; 256 by default
 * @param healthTimeout how long {@code /health} and {@code /api/v1/db/is-ready} wait for a round trip before
 *     answering "degraded"; 1 s by default
 * @param idempotencyRetention how long the answer to a write with an {@code Idempotency-Key} is remembered; 24 h
 *     by default
 */
public record RequestPolicy(
    Duration requestTimeout, int maxQueuedCalls, Duration healthTimeout, Duration idempotencyRetention) {
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
  public static final int DEFAULT_MAX_QUEUED_CALLS = 256;
  public static final Duration DEFAULT_HEALTH_TIMEOUT = Duration.ofSeconds(1);
  public static final Duration DEFAULT_IDEMPOTENCY_RETENTION = Duration.ofHours(24);

  /**
   * Validates the settings.
   *
   * @throws NullPointerException for a null duration
   * @throws InvalidInputException {@code INVALID_LIMIT} for a duration below one millisecond, a negative queue
   *     size, or a retention over 365 days
   */
  public RequestPolicy {
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(healthTimeout, "healthTimeout");
    Objects.requireNonNull(idempotencyRetention, "idempotencyRetention");
    for (Duration duration : new Duration[] {requestTimeout, healthTimeout, idempotencyRetention}) {
      if (duration.toMillis() < 1) {
        throw new InvalidInputException("INVALID_LIMIT", "timeouts and retention must be at least 1 ms, was "
            + duration);
      }
    }
    if (maxQueuedCalls < 0) {
      throw new InvalidInputException("INVALID_LIMIT", "maxQueuedCalls must not be negative, was " + maxQueuedCalls);
    }
    if (idempotencyRetention.compareTo(Duration.ofDays(365)) > 0) {
      throw new InvalidInputException("INVALID_LIMIT", "idempotencyRetention must be at most 365 days, was "
          + idempotencyRetention);
    }
  }

  /** 5 s deadline, 256 queued calls per pool, 1 s health timeout, 24 h idempotency retention. */
  public static RequestPolicy defaults() {
    return new RequestPolicy(DEFAULT_REQUEST_TIMEOUT, DEFAULT_MAX_QUEUED_CALLS, DEFAULT_HEALTH_TIMEOUT,
        DEFAULT_IDEMPOTENCY_RETENTION);
  }

  public RequestPolicy withRequestTimeout(Duration timeout) {
    return new RequestPolicy(timeout, maxQueuedCalls, healthTimeout, idempotencyRetention);
  }

  public RequestPolicy withMaxQueuedCalls(int calls) {
    return new RequestPolicy(requestTimeout, calls, healthTimeout, idempotencyRetention);
  }

  public RequestPolicy withHealthTimeout(Duration timeout) {
    return new RequestPolicy(requestTimeout, maxQueuedCalls, timeout, idempotencyRetention);
  }

  public RequestPolicy withIdempotencyRetention(Duration retention) {
    return new RequestPolicy(requestTimeout, maxQueuedCalls, healthTimeout, retention);
  }
}
