package dev.cairn.kv.internal.redis;

import dev.cairn.core.CairnException;
import dev.cairn.core.StoreUrl;
import dev.cairn.core.UnavailableException;
import dev.cairn.kv.internal.BatchCommand;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisException;
import java.io.IOException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends the single commands (GET, SET, EXISTS, PEXPIRE, INCRBY, UNLINK of one key, HGET) that callers issue at the same
 * time together, on a few {@link PipelineConnection}s of a plain standalone Redis: one write carries many callers'
 * commands and one read brings many replies. Thread-safe; made for many (virtual) threads.
 *
 * <p><b>How.</b> A caller queues its command, then tries to take a free connection without waiting. With one, it
 * becomes the combiner of a round: it takes up to {@value #MAX_ROUND_COMMANDS} queued commands (its own and
 * whoever queued meanwhile; at most {@value #MAX_ROUND_BYTES} bytes), writes them at once, reads their replies on
 * its own thread, gives the connection back and hands each caller its reply. Without one it parks: a combiner
 * finishing a round wakes the oldest caller still queued, who then combines the next round. So while Redis answers
 * one round the next one fills, and no thread but the callers' own does any work (no event loop, no futures).
 *
 * <p><b>Why.</b> Lettuce's shared connection sends each command from its event-loop thread and completes a future
 * per command, so every command crosses threads twice. Measured on the 2-core bench machine with 50 virtual threads
 * doing single SETs of 64 bytes: Lettuce 190,000-210,000 commands/s, redis-benchmark -c50 140,000-145,000, a
 * prototype of this combiner on one connection 290,000-370,000.
 *
 * <p><b>Failures</b> follow {@link PipelineConnections}: no connection could be opened, none was free within the
 * command timeout, or the caller was interrupted before its command was taken: {@code KV_UNAVAILABLE}, the command was
 * not sent. Written and unanswered (connection lost, timeout, interrupt): of unknown outcome, the same codes as on the
 * shared connection. A combiner interrupted while it writes or reads loses its connection (the JDK closes an
 * interrupted channel): its own command fails {@code KV_INTERRUPTED}, the others of that round
 * {@code KV_OUTCOME_UNKNOWN}. Nothing is ever sent twice.
 */
final class CommandCombiner {
  /** Commands one round writes at most. */
  static final int MAX_ROUND_COMMANDS = 64;
  /**
   * Encoded bytes one round writes at most (the last command may pass it): a blocking write has no deadline, and
   * this much fits the socket's send buffer.
   */
  static final int MAX_ROUND_BYTES = 32 * 1024;
  /** Commands larger than this encoded take the shared connection, so that one round stays small. */
  static final int MAX_COMMAND_BYTES = 8 * 1024;

  private final PipelineConnections connections;
  private final RedisErrors errors;
  private final ConcurrentLinkedQueue<Pending> queued = new ConcurrentLinkedQueue<>();

  /**
   * Connections the combiner holds at most: while one round waits for Redis, the next can be written. Measured
   * with the kv bench (50 virtual threads, SET/GET of 64 bytes) against redis-benchmark -c50 in the same run: one
   * connection 2.65 / 2.96 times its rate, two 2.86 / 2.93, four 1.93 / 3.30 (smaller rounds, more system calls).
   */
  static final int CONNECTIONS = 2;

  private CommandCombiner(PipelineConnections connections, RedisErrors errors) {
    this.connections = connections;
    this.errors = errors;
  }

  /**
   * The combiner for {@code url}, or {@code null} where single commands take the shared connection: batch
   * connections turned off ({@code batchConnections} 0), TLS, Sentinel and Cluster (see
   * {@link PipelineConnections#forUrl}).
   */
  static CommandCombiner forUrl(StoreUrl url, int database, int batchConnections, RedisErrors errors) {
    PipelineConnections connections =
        PipelineConnections.forUrl(url, database, batchConnections == 0 ? 0 : CONNECTIONS,
            PipelineConnection.COMBINER_NAME, errors);
    return connections == null ? null : new CommandCombiner(connections, errors);
  }

  /** Closes the idle connections; a round running keeps its connection until it ends, then closes it. */
  void close() {
    connections.close();
  }

  /** Whether {@code command} may be combined: small enough (see {@link #MAX_COMMAND_BYTES}). */
  static boolean takes(BatchCommand command) {
    return PipelineConnections.encodedSize(command) <= MAX_COMMAND_BYTES;
  }

  /**
   * Sends {@code command} and returns its reply, converted as a batch converts it ({@link RedisBatchCommands}).
   *
   * @throws CairnException as the class describes
   */
  Object run(BatchCommand command) {
    Pending mine = new Pending(command, Thread.currentThread());
    queued.add(mine);
    long deadline = System.nanoTime() + errors.timeout().toNanos();
    while (!mine.done()) {
      if (Thread.currentThread().isInterrupted()) {
        return interrupted(mine);
      }
      if (combineRound() || mine.done()) {
        continue; // done, or sent others' commands and may send its own next
      }
      long left = deadline - System.nanoTime();
      if (left <= 0 && queued.remove(mine)) {
        throw new UnavailableException("KV_UNAVAILABLE", "Redis at " + errors.url() + ": no connection was free for "
            + RedisBatchCommands.name(command) + " within " + errors.timeout().toMillis() + " ms; it was not sent");
      }
      // taken by a combiner: it answers within its read timeout, and wakes this thread when it does
      LockSupport.parkNanos(this, left > 0 ? left : errors.timeout().toNanos());
    }
    return mine.outcome();
  }

  /** Whether this thread could take a connection and sent a round of queued commands on it. */
  private boolean combineRound() {
    PipelineConnection connection;
    try {
      connection = connections.tryBorrow();
    } catch (RuntimeException e) {
      // nothing queued can be sent now: failing it all at once spares each caller a connect attempt; a command of
      // this caller's that a combiner took meanwhile is answered by that combiner, so park for it
      failQueued(e);
      return false;
    }
    if (connection == null) {
      return false;
    }
    Pending[] round = new Pending[MAX_ROUND_COMMANDS];
    int size = 0;
    long bytes = 0;
    while (size < MAX_ROUND_COMMANDS && bytes < MAX_ROUND_BYTES) {
      Pending next = queued.poll();
      if (next == null) {
        break;
      }
      round[size++] = next;
      bytes += PipelineConnections.encodedSize(next.command);
    }
    if (size == 0) {
      // this caller's command is in another combiner's round: wait for it instead of spinning on the connection
      connections.giveBack(connection, true);
      wakeOldestQueued();
      return false;
    }
    boolean healthy = exchange(connection, round, size);
    connections.giveBack(connection, healthy);
    // answered after the connection is back, so a caller woken with more to send finds it free
    Thread self = Thread.currentThread();
    for (int i = 0; i < size; i++) {
      if (round[i].thread != self) {
        LockSupport.unpark(round[i].thread);
      }
    }
    wakeOldestQueued();
    return true;
  }

  /**
   * Wakes the caller of the oldest queued command, if any, to combine the next round: called after every
   * {@link PipelineConnections#giveBack}, so that a command queued while every connection was lent (whose caller then
   * parked) is always sent.
   */
  private void wakeOldestQueued() {
    Pending oldest = queued.peek();
    if (oldest != null) {
      LockSupport.unpark(oldest.thread);
    }
  }

  /**
   * Writes the round's commands, reads their replies and records each caller's outcome (not yet waking anyone).
   * Returns whether the connection is still usable.
   */
  private boolean exchange(PipelineConnection connection, Pending[] round, int size) {
    int answered = 0;
    try {
      for (int i = 0; i < size; i++) {
        connection.append(round[i].command);
      }
      connection.flush();
      for (; answered < size; answered++) {
        Pending pending = round[answered];
        Object reply = connection.readReply();
        if (reply instanceof RedisCommandExecutionException refused) {
          pending.fail(errors.onCommand(refused, RedisBatchCommands.name(pending.command), pending.command.key()));
        } else {
          pending.answer(RedisBatchCommands.converted(pending.command, reply));
        }
      }
      return true;
    } catch (IOException | RuntimeException e) {
      // a RuntimeException here is a reply this reader cannot parse: the stream is lost all the same
      RuntimeException lost = e instanceof IOException io ? PipelineConnections.lost(io)
          : new RedisException("unreadable reply from Redis: " + e.getMessage(), e);
      Thread self = Thread.currentThread();
      for (int i = answered; i < size; i++) {
        Pending pending = round[i];
        RuntimeException cause = lost instanceof RedisCommandInterruptedException && pending.thread != self
            ? new RedisException("the connection was closed because another caller's thread was interrupted", e)
            : lost;
        pending.fail(errors.onCommand(cause, RedisBatchCommands.name(pending.command), pending.command.key()));
      }
      return false;
    }
  }

  /** Fails every queued command as never sent, with the failure to open a connection; wakes their callers. */
  private void failQueued(RuntimeException cause) {
    for (Pending pending = queued.poll(); pending != null; pending = queued.poll()) {
      pending.fail(errors.onCommand(cause, RedisBatchCommands.name(pending.command), pending.command.key()));
      if (pending.thread != Thread.currentThread()) {
        LockSupport.unpark(pending.thread);
      }
    }
  }

  private Object interrupted(Pending mine) {
    String name = RedisBatchCommands.name(mine.command);
    if (queued.remove(mine)) {
      throw new UnavailableException("KV_UNAVAILABLE", name + " on Redis at " + errors.url()
          + " was interrupted before it was sent; it was not sent");
    }
    // taken by a combiner: it may be applied; the interrupt flag stays set
    throw errors.onCommand(new RedisCommandInterruptedException(new InterruptedException()), name,
        mine.command.key());
  }

  /** One caller's command and, once answered, its outcome: the converted reply or a {@link CairnException}. */
  private static final class Pending {
    private static final Object NULL_REPLY = new Object();

    final BatchCommand command;
    final Thread thread;
    /** Written by the combiner before it wakes {@link #thread}; read by that thread. */
    private volatile Object outcome;

    Pending(BatchCommand command, Thread thread) {
      this.command = command;
      this.thread = thread;
    }

    void answer(Object reply) {
      outcome = reply == null ? NULL_REPLY : reply;
    }

    void fail(CairnException failure) {
      outcome = failure;
    }

    boolean done() {
      return outcome != null;
    }

    Object outcome() {
      Object result = outcome;
      if (result instanceof CairnException failure) {
        throw failure;
      }
      return result == NULL_REPLY ? null : result;
    }
  }
}
