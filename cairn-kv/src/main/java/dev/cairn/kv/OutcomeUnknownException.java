package dev.cairn.kv;

import dev.cairn.core.UnavailableException;
import java.io.Serial;
import java.util.Map;

/**
 * A key-value command may or may not have been applied: it had been sent to Redis (or was being sent) when the
 * connection was lost ({@code KV_OUTCOME_UNKNOWN}), no answer came within the command timeout ({@code KV_TIMEOUT}),
 * or the waiting thread was interrupted ({@code KV_INTERRUPTED}). Status {@link dev.cairn.core.Status#UNAVAILABLE},
 * like its parent, so code that only asks "is the store unavailable?" keeps working.
 *
 * <p><b>At most once.</b> Cairn never sends such a command again by itself (Lettuce's replay of unanswered commands
 * after a reconnect is turned off), so it is applied once or not at all. It may still be applied shortly after this
 * exception: a command that timed out on a slow server, or one still in the server's receive buffer. To find out,
 * read the state; to retry blindly, make the write idempotent first (a fixed value for {@code set}, a unique id with
 * {@code SetOptions} {@code ifAbsent}). Retrying {@code incr}, {@code incrBy}, {@code hashIncrBy} or a lock
 * acquisition after this exception may apply it twice.
 *
 * <p>By contrast, a plain {@link UnavailableException} {@code KV_UNAVAILABLE} from a key-value call means the command
 * never reached Redis (rejected while disconnected, no connection could be made, or refused by the server with
 * {@code LOADING}, {@code READONLY} and the like): nothing was applied and a retry is safe.
 */
public class OutcomeUnknownException extends UnavailableException {
  @Serial private static final long serialVersionUID = 1L;

  public OutcomeUnknownException(String code, String message, Throwable cause) {
    super(code, message, Map.of(), cause);
  }
}
