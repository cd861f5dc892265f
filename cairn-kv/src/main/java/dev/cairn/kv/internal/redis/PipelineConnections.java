package dev.cairn.kv.internal.redis;

import dev.cairn.core.CairnException;
import dev.cairn.core.StoreUrl;
import dev.cairn.core.UnavailableException;
import dev.cairn.kv.internal.BatchCommand;
import dev.cairn.kv.internal.Failures;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The connections batches run on against a plain standalone Redis ({@code redis://}): up to
 * {@link dev.cairn.kv.KeyValueOptions#batchConnections()} {@link PipelineConnection}s, opened when first needed
 * and kept while idle. A batch borrows one, writes every command with one write, reads the replies on its own
 * thread and gives the connection back. Thread-safe.
 *
 * <p>Failures follow the shared connection's rules ({@link RedisErrors}), so a batch's replies fail the same way on
 * either path: a command that provably never reached Redis fails with {@code KV_UNAVAILABLE} (no connection could be
 * opened, or none was free within the command timeout); a command written and unanswered when the connection broke,
 * timed out or was interrupted fails as of unknown outcome; nothing is ever sent twice. A connection that failed is
 * closed, never lent again.
 *
 * <p>TLS, Sentinel and Cluster URLs do not use this path: there the shared Lettuce connection carries batches, with
 * its TLS settings, its master discovery and its slot routing.
 */
final class PipelineConnections implements AutoCloseable {
  /**
   * Batches larger than this, encoded, take the shared connection instead: a write here blocks with no deadline
   * while the server does not read, and up to this size it fits the socket's send buffer.
   */
  static final int MAX_BATCH_BYTES = 64 * 1024;

  private final InetSocketAddress address;
  private final String user;
  private final String password;
  private final int database;
  private final String name;
  private final RedisErrors errors;
  private final ConcurrentLinkedDeque<PipelineConnection> idle = new ConcurrentLinkedDeque<>();
  private final int max;
  private final Semaphore lent;
  private volatile boolean closed;

  private PipelineConnections(int max, InetSocketAddress address, String user, String password, int database,
      String name, RedisErrors errors) {
    this.name = name;
    this.max = max;
    this.lent = new Semaphore(max);
    this.address = address;
    this.user = user;
    this.password = password;
    this.database = database;
    this.errors = errors;
  }

  /**
   * The pool for {@code url} holding at most {@code max} connections, named {@code name} on the server, or {@code null} when batches to it go over
   * the shared connection ({@code max} 0, TLS, Sentinel, Cluster).
   */
  static PipelineConnections forUrl(StoreUrl url, int database, int max, String name, RedisErrors errors) {
    if (max == 0 || url.kind() != StoreUrl.Kind.REDIS || url.tls()) {
      return null;
    }
    String user = url.user() == null || url.user().isEmpty() ? null : url.user();
    return new PipelineConnections(max, InetSocketAddress.createUnresolved(url.host().name(), url.host().port()),
        user, url.password(), database, name, errors);
  }

  /**
   * Runs the batch: each command's reply, converted as the shared connection's batch converts it, or the
   * {@link CairnException} it failed with, in order.
   */
  List<Object> run(List<BatchCommand> batch) {
    List<Object> results = new ArrayList<>(batch.size());
    PipelineConnection connection;
    try {
      connection = borrow();
    } catch (RuntimeException e) {
      CairnException failure = e instanceof CairnException cairn ? cairn : errors.onCommand(e, "batch", null);
      batch.forEach(command -> results.add(failure));
      return results;
    }
    boolean healthy = false;
    int size = batch.size(); // indexed loops: the list is an unmodifiable view, whose iterator showed in profiles
    try {
      for (int i = 0; i < size; i++) {
        connection.append(batch.get(i));
      }
      connection.flush();
      for (int i = 0; i < size; i++) {
        BatchCommand command = batch.get(i);
        Object reply = connection.readReply();
        results.add(reply instanceof RedisCommandExecutionException refused
            ? errors.onCommand(refused, RedisBatchCommands.name(command), command.key())
            : RedisBatchCommands.converted(command, reply));
      }
      healthy = true;
    } catch (IOException | RuntimeException e) {
      // a RuntimeException here is a reply this reader cannot parse (a number that is none): the stream is lost
      RuntimeException lost = e instanceof IOException io ? lost(io)
          : new RedisException("unreadable reply from Redis: " + e.getMessage(), e);
      for (int i = results.size(); i < size; i++) {
        BatchCommand command = batch.get(i);
        results.add(errors.onCommand(lost, RedisBatchCommands.name(command), command.key()));
      }
    } finally {
      giveBack(connection, healthy);
    }
    return results;
  }

  /** Whether a batch of this encoded size may run here (see {@link #MAX_BATCH_BYTES}). */
  static boolean fits(List<BatchCommand> batch) {
    long bytes = 0;
    for (BatchCommand command : batch) {
      bytes += encodedSize(command);
    }
    return bytes <= MAX_BATCH_BYTES;
  }

  /** At least the bytes {@code command} takes on the wire (a key's UTF-8 is at most 3 bytes per char). */
  static long encodedSize(BatchCommand command) {
    long argument = switch (command) {
      case BatchCommand.Set set -> set.value().length;
      case BatchCommand.HashGet hashGet -> hashGet.field().length() * 3L;
      default -> 0;
    };
    return 64 + command.key().length() * 3L + argument;
  }

  private PipelineConnection borrow() {
    try {
      if (!lent.tryAcquire(errors.timeout().toNanos(), TimeUnit.NANOSECONDS)) {
        throw new UnavailableException("KV_UNAVAILABLE", "Redis at " + errors.url() + ": no batch connection of "
            + max + " was free within " + errors.timeout().toMillis() + " ms; the batch was not sent");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnavailableException("KV_UNAVAILABLE", "interrupted while waiting for a batch connection to Redis at "
          + errors.url() + "; the batch was not sent", e);
    }
    return idleOrNew();
  }

  /**
   * A connection if one is free now (idle, or a new one while fewer than the maximum are open), else {@code null};
   * never waits for one. Give it back with {@link #giveBack}.
   *
   * @throws RedisConnectionException no connection could be opened
   * @throws CairnException {@code KV_CLOSED} after {@link #close()}
   */
  PipelineConnection tryBorrow() {
    return lent.tryAcquire() ? idleOrNew() : null;
  }

  /**
   * Under a permit already taken: an idle connection still open, or a new one; the permit is released on failure.
   * Refused once the pool is closed, so that a caller racing {@link #close()} cannot open a connection afterwards
   * and send its command to a store already closed.
   */
  private PipelineConnection idleOrNew() {
    if (closed) {
      lent.release();
      throw Failures.closed(errors.url());
    }
    try {
      for (PipelineConnection pooled = idle.pollFirst(); pooled != null; pooled = idle.pollFirst()) {
        if (!pooled.closedByServer()) {
          return pooled;
        }
        pooled.close();
      }
      return PipelineConnection.open(resolved(), user, password, database, name, errors.timeout());
    } catch (IOException e) {
      lent.release();
      throw new RedisConnectionException("cannot connect: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      lent.release();
      throw e;
    }
  }

  private InetSocketAddress resolved() {
    // resolved on every open, so a name that moves to a new address is followed after a failure
    return new InetSocketAddress(address.getHostString(), address.getPort());
  }

  /** Returns a borrowed connection: kept for reuse when {@code healthy}, else closed. */
  void giveBack(PipelineConnection connection, boolean healthy) {
    try {
      if (healthy && !closed) {
        idle.addFirst(connection); // the most recently used first: the others may idle out on the server
        if (closed && idle.remove(connection)) {
          connection.close(); // closed meanwhile: close() may have drained the deque before the add
        }
      } else {
        connection.close();
      }
    } finally {
      lent.release();
    }
  }

  /** A broken connection as the Lettuce failure {@link RedisErrors} reads the same way on the shared connection. */
  static RuntimeException lost(IOException e) {
    if (e instanceof SocketTimeoutException) {
      return new RedisCommandTimeoutException("no answer within the command timeout");
    }
    if (e instanceof ClosedByInterruptException || e instanceof InterruptedIOException) {
      return new RedisCommandInterruptedException(e);
    }
    return new RedisException("connection lost after the batch was sent: " + e.getMessage(), e);
  }

  @Override
  public void close() {
    closed = true;
    for (PipelineConnection connection = idle.pollFirst(); connection != null; connection = idle.pollFirst()) {
      connection.close();
    }
  }
}
