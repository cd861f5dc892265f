package dev.cairn.kv.internal.redis;

import dev.cairn.kv.SetOptions;
import dev.cairn.kv.internal.BatchCommand;
import io.lettuce.core.RedisCommandExecutionException;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * One plain (no TLS) RESP2 connection to a standalone Redis, driven by blocking reads and writes on the calling
 * thread: a batch is encoded into one buffer, written with one write, and its replies are parsed as they arrive.
 * Only the commands a {@link BatchCommand} can be (GET, SET, UNLINK, EXISTS, PEXPIRE, INCRBY, HGET) and the handshake
 * (AUTH, SELECT, CLIENT SETNAME) are spoken. Used by one thread at a time ({@link PipelineConnections} lends it
 * out); not thread-safe.
 *
 * <p><b>Why not Lettuce.</b> Lettuce writes and decodes on its event-loop thread and completes a future per
 * command, so each batch crosses threads twice. Measured on the 2-core bench machine with 50 virtual threads
 * sending batches of 16 SETs: one shared Lettuce connection reached 465,000-650,000 commands/s and four
 * connections did no better, while blocking sockets on the virtual threads (eight connections) reached
 * 1.3-1.5 million, as redis-benchmark -P16 does with its 50.
 */
final class PipelineConnection implements AutoCloseable {
  /** The client name batch connections give themselves ({@code CLIENT SETNAME}). */
  static final String NAME = "cairn-batch";
  /** The client name the {@link CommandCombiner}'s connections give themselves. */
  static final String COMBINER_NAME = "cairn-commands";

  private final SocketChannel channel;
  private final InputStream in;
  private byte[] out = new byte[4096];
  private int outLength;
  private final byte[] buffer = new byte[16 * 1024];
  private int position;
  private int limit;

  private PipelineConnection(SocketChannel channel) throws IOException {
    this.channel = channel;
    // the socket adaptor's stream honours SO_TIMEOUT; a channel's own blocking read would wait forever
    this.in = channel.socket().getInputStream();
  }

  /**
   * Connects, authenticates when a password is given ({@code AUTH [user] password}), selects the database and
   * names the connection ({@code CLIENT SETNAME name}).
   *
   * @throws IOException the connection failed or timed out
   * @throws RedisCommandExecutionException the server refused AUTH or SELECT (its error reply as the message)
   */
  static PipelineConnection open(InetSocketAddress address, String user, String password, int database,
      String name, Duration timeout) throws IOException {
    SocketChannel channel = SocketChannel.open();
    try {
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      channel.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
      if (address.isUnresolved()) {
        // an IOException like any other failure to connect (connect would throw UnresolvedAddressException)
        throw new UnknownHostException("unknown host " + address.getHostString());
      }
      channel.socket().connect(address, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
      channel.socket().setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis())));
      PipelineConnection connection = new PipelineConnection(channel);
      connection.handshake(user, password, database, name);
      return connection;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private void handshake(String user, String password, int database, String name) throws IOException {
    boolean authenticates = password != null;
    if (authenticates) {
      // one-argument AUTH when no user is named, which servers before Redis 6 (no ACL users) also accept
      if (user == null) {
        command(2).bulk("AUTH").bulk(password);
      } else {
        command(3).bulk("AUTH").bulk(user).bulk(password);
      }
    }
    boolean selects = database != 0;
    if (selects) {
      command(2).bulk("SELECT").bulk(Integer.toString(database));
    }
    // named, so that CLIENT LIST tells an operator (and the tests) which connections carry batches
    command(3).bulk("CLIENT").bulk("SETNAME").bulk(name);
    flush();
    Object auth = authenticates ? readReply() : null;
    Object select = selects ? readReply() : null;
    readReply(); // a server whose ACL forbids CLIENT SETNAME serves batches all the same
    for (Object reply : new Object[] {auth, select}) {
      if (reply instanceof RedisCommandExecutionException refused) {
        throw refused;
      }
    }
  }

  /**
   * Whether the server has closed this idle connection (a restart, a kill, {@code CLIENT KILL}, an idle timeout):
   * a non-blocking read that finds the end of the stream or a reset. Checked before a pooled connection is used
   * again, so that a batch is never written to a connection already known to be dead (which would make its
   * outcome unknown). Bytes found on an idle connection also make it unusable: they answer nothing it asked.
   */
  boolean closedByServer() {
    try {
      channel.configureBlocking(false);
      int read;
      try {
        read = channel.read(ByteBuffer.wrap(buffer, 0, 1));
      } finally {
        channel.configureBlocking(true);
      }
      return read != 0;
    } catch (IOException e) {
      return true;
    }
  }

  /** Appends one command of the batch to the output buffer; nothing is sent before {@link #flush()}. */
  void append(BatchCommand command) {
    switch (command) {
      case BatchCommand.Get get -> command(2).bulk("GET").bulk(get.key());
      case BatchCommand.Set set -> appendSet(set);
      case BatchCommand.Delete delete -> command(2).bulk("UNLINK").bulk(delete.key());
      case BatchCommand.Exists exists -> command(2).bulk("EXISTS").bulk(exists.key());
      case BatchCommand.Expire expire ->
          command(3).bulk("PEXPIRE").bulk(expire.key()).bulk(Long.toString(expire.ttl().toMillis()));
      case BatchCommand.IncrBy incr -> command(3).bulk("INCRBY").bulk(incr.key()).bulk(Long.toString(incr.delta()));
      case BatchCommand.HashGet hashGet -> command(3).bulk("HGET").bulk(hashGet.key()).bulk(hashGet.field());
    }
  }

  private void appendSet(BatchCommand.Set set) {
    SetOptions options = set.options();
    boolean ttl = options.ttl() != null;
    boolean condition = options.condition() != SetOptions.Condition.ALWAYS;
    command(3 + (ttl ? 2 : 0) + (condition ? 1 : 0)).bulk("SET").bulk(set.key()).bulk(set.value());
    if (ttl) {
      bulk("PX").bulk(Long.toString(options.ttl().toMillis()));
    }
    if (condition) {
      bulk(options.condition() == SetOptions.Condition.IF_ABSENT ? "NX" : "XX");
    }
  }

  /** Writes everything appended, then empties the output buffer. */
  void flush() throws IOException {
    ByteBuffer pending = ByteBuffer.wrap(out, 0, outLength);
    while (pending.hasRemaining()) {
      channel.write(pending);
    }
    outLength = 0;
    if (out.length > 64 * 1024) {
      out = new byte[4096]; // one large batch does not pin a large buffer to a pooled connection
    }
  }

  /**
   * The next reply: a {@link String} for a status, a {@link Long} for an integer, a {@code byte[]} (or
   * {@code null}) for a bulk string, and a {@link RedisCommandExecutionException} for an error reply, returned
   * rather than thrown so the caller can fail that one command and read on.
   *
   * @throws java.net.SocketTimeoutException no byte arrived within the command timeout
   * @throws IOException the connection was lost, or the server sent something this reader does not expect
   */
  Object readReply() throws IOException {
    byte type = next();
    return switch (type) {
      case '+' -> line();
      case '-' -> new RedisCommandExecutionException(line());
      case ':' -> Long.parseLong(line());
      case '$' -> bulkReply(Integer.parseInt(line()));
      default -> throw new IOException("unexpected reply type '" + (char) type + "' from Redis");
    };
  }

  private byte[] bulkReply(int length) throws IOException {
    if (length < 0) {
      return null;
    }
    byte[] value = new byte[length];
    int copied = 0;
    while (copied < length) {
      if (position == limit) {
        fill();
      }
      int n = Math.min(length - copied, limit - position);
      System.arraycopy(buffer, position, value, copied, n);
      position += n;
      copied += n;
    }
    next();
    next(); // CRLF
    return value;
  }

  private String line() throws IOException {
    int start = position;
    // the common case: the whole line is in the buffer
    for (int i = position; i < limit - 1; i++) {
      if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
        position = i + 2;
        return new String(buffer, start, i - start, StandardCharsets.UTF_8);
      }
    }
    // the line runs past the buffer: collected byte by byte and decoded as the fast path decodes it
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (byte b = next(); b != '\r'; b = next()) {
      line.write(b);
    }
    next();
    return line.toString(StandardCharsets.UTF_8);
  }

  private byte next() throws IOException {
    if (position == limit) {
      fill();
    }
    return buffer[position++];
  }

  private void fill() throws IOException {
    int read = in.read(buffer, 0, buffer.length);
    if (read < 0) {
      throw new EOFException("the server closed the connection");
    }
    position = 0;
    limit = read;
  }

  private PipelineConnection command(int arguments) {
    ensure(16);
    out[outLength++] = '*';
    digits(arguments);
    return this;
  }

  private PipelineConnection bulk(String text) {
    // for an ASCII string, getBytes is one vectorised check and one copy
    return bulk(text.getBytes(StandardCharsets.UTF_8));
  }

  private PipelineConnection bulk(byte[] value) {
    ensure(value.length + 16);
    out[outLength++] = '$';
    digits(value.length);
    System.arraycopy(value, 0, out, outLength, value.length);
    outLength += value.length;
    out[outLength++] = '\r';
    out[outLength++] = '\n';
    return this;
  }

  /** Appends {@code n} (non-negative) in decimal, then CRLF; room for both must be ensured. */
  private void digits(int n) {
    int length = 1;
    for (int rest = n / 10; rest > 0; rest /= 10) {
      length++;
    }
    int at = outLength + length;
    int rest = n;
    do {
      out[--at] = (byte) ('0' + rest % 10);
      rest /= 10;
    } while (rest > 0);
    outLength += length;
    out[outLength++] = '\r';
    out[outLength++] = '\n';
  }

  private void ensure(int more) {
    if (outLength + more > out.length) {
      out = Arrays.copyOf(out, Math.max(out.length * 2, outLength + more));
    }
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // nothing to do: the connection is dropped either way
    }
  }
}
