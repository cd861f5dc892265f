package dev.cairn.kv.internal.redis;

import dev.cairn.core.CairnException;
import dev.cairn.kv.Message;
import dev.cairn.kv.ScanPage;
import dev.cairn.kv.SetOptions;
import dev.cairn.kv.Stats;
import dev.cairn.kv.Subscription;
import dev.cairn.kv.Ttl;
import dev.cairn.kv.internal.Backend;
import dev.cairn.kv.internal.BatchCommand;
import dev.cairn.kv.internal.Failures;
import dev.cairn.kv.spi.DedicatedConnection;
import dev.cairn.kv.spi.Script;
import dev.cairn.kv.spi.ScriptResult;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.protocol.AsyncCommand;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Redis backend: every call is one blocking command on the shared connection (Lettuce pipelines concurrent
 * virtual-thread callers on it), translated by {@link RedisErrors}; on a plain standalone Redis, small single-key
 * GET, SET, EXISTS, PEXPIRE, INCRBY, UNLINK and HGET go through a {@link CommandCombiner} instead, and batches through
 * {@link PipelineConnections}. The cluster view of Lettuce splits multi-key
 * commands (MGET, MSET, UNLINK) by slot and SCAN walks every master, so this class is the same for all topologies.
 */
public final class RedisBackend implements Backend {
  private final String kind;
  private final RedisSession session;
  private final RedisClusterCommands<String, byte[]> commands;
  private final RedisErrors errors;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Set<RedisSubscription> subscriptions = ConcurrentHashMap.newKeySet();
  /** Where batches run on a plain standalone Redis; {@code null} elsewhere. */
  private final PipelineConnections pipelines;
  /** Where single small commands run on a plain standalone Redis; {@code null} elsewhere. */
  private final CommandCombiner combiner;

  RedisBackend(String kind, RedisSession session, RedisErrors errors, PipelineConnections pipelines,
      CommandCombiner combiner) {
    this.kind = kind;
    this.session = session;
    this.pipelines = pipelines;
    this.combiner = combiner;
    this.commands = session.commands();
    this.errors = errors;
  }

  @Override
  public String kind() {
    return kind;
  }

  @Override
  public String url() {
    return errorsUrl();
  }

  @Override
  public byte[] get(String key) {
    BatchCommand.Get get = new BatchCommand.Get(key);
    if (combines(get)) {
      return (byte[]) combined(get);
    }
    return call("GET", key, () -> commands.get(key));
  }

  @Override
  public boolean set(String key, byte[] value, SetOptions options) {
    BatchCommand.Set set = new BatchCommand.Set(key, value, options);
    if (combines(set)) {
      return (Boolean) combined(set);
    }
    if (RedisBatchCommands.isPlain(options)) {
      return call("SET", key, () -> "OK".equals(commands.set(key, value)));
    }
    SetArgs args = RedisBatchCommands.setArgs(options);
    return call("SET", key, () -> "OK".equals(commands.set(key, value, args)));
  }

  @Override
  public long delete(List<String> keys) {
    if (keys.size() == 1) {
      BatchCommand.Delete delete = new BatchCommand.Delete(keys.getFirst());
      if (combines(delete)) {
        return (Long) combined(delete);
      }
    }
    return call("UNLINK", null, () -> commands.unlink(keys.toArray(String[]::new)));
  }

  @Override
  public boolean exists(String key) {
    BatchCommand.Exists exists = new BatchCommand.Exists(key);
    if (combines(exists)) {
      return (Boolean) combined(exists);
    }
    return call("EXISTS", key, () -> commands.exists(key) > 0);
  }

  @Override
  public boolean expire(String key, Duration ttl) {
    BatchCommand.Expire expire = new BatchCommand.Expire(key, ttl);
    if (combines(expire)) {
      return (Boolean) combined(expire);
    }
    return call("PEXPIRE", key, () -> commands.pexpire(key, ttl.toMillis()));
  }

  @Override
  public Ttl ttl(String key) {
    return call("PTTL", key, () -> Ttl.fromPttl(commands.pttl(key)));
  }

  @Override
  public long incrBy(String key, long delta) {
    BatchCommand.IncrBy incr = new BatchCommand.IncrBy(key, delta);
    if (combines(incr)) {
      return (Long) combined(incr);
    }
    return call("INCRBY", key, () -> commands.incrby(key, delta));
  }

  /**
   * On a plain standalone Redis, runs the batch on a {@link PipelineConnections} connection (one write, replies read
   * on the calling thread). Elsewhere, and for a batch too large for that path, writes every command on the shared
   * connection before waiting for the first reply (Lettuce's asynchronous view
   * sends each at once; on a Cluster each to its key's node), then collects the replies in order, each translated
   * like a single command's. Waiting is bounded per reply by the command timeout.
   */
  @Override
  public List<Object> batch(List<BatchCommand> batch) {
    if (closed.get()) {
      throw Failures.closed(errorsUrl());
    }
    if (pipelines != null && PipelineConnections.fits(batch)) {
      return pipelines.run(batch);
    }
    // The whole batch is handed to the connection in one call, so it is written with one flush (per node on a
    // Cluster, where Lettuce routes each command by its key's slot) instead of one per command.
    List<AsyncCommand<String, byte[], ?>> sent = new ArrayList<>(batch.size());
    for (BatchCommand command : batch) {
      sent.add(RedisBatchCommands.of(command));
    }
    RuntimeException refused = null;
    try {
      session.connection().dispatch(sent);
    } catch (RuntimeException e) {
      refused = e; // then nothing of the batch reached Redis: every command fails with it
    }
    long timeout = errors.timeout().toNanos();
    List<Object> results = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      BatchCommand command = batch.get(i);
      try {
        if (refused != null) {
          throw refused;
        }
        Object reply = LettuceFutures.awaitOrCancel(sent.get(i), timeout, TimeUnit.NANOSECONDS);
        results.add(RedisBatchCommands.converted(command, reply));
      } catch (RuntimeException e) {
        results.add(errors.onCommand(e, RedisBatchCommands.name(command), command.key()));
      }
    }
    return results;
  }

  @Override
  public List<byte[]> mget(List<String> keys) {
    return call("MGET", null, () -> {
      List<byte[]> values = new ArrayList<>(keys.size());
      commands.mget(keys.toArray(String[]::new)).forEach(entry -> values.add(entry.getValueOrElse(null)));
      return values;
    });
  }

  @Override
  public void mset(Map<String, byte[]> entries) {
    call("MSET", null, () -> commands.mset(entries));
  }

  @Override
  public Iterator<String> scan(String pattern, int batchSize) {
    ScanArgs args = ScanArgs.Builder.matches(pattern).limit(batchSize);
    Iterator<String> keys = call("SCAN", null, () -> ScanIterator.scan(commands, args));
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return call("SCAN", null, keys::hasNext);
      }

      @Override
      public String next() {
        return call("SCAN", null, keys::next);
      }
    };
  }

  @Override
  public ScanPage scanPage(String pattern, String cursor, int count) {
    return call("SCAN", null, () -> RedisScanSteps.step(session.connection(), commands, pattern, cursor, count));
  }

  @Override
  public byte[] hashGet(String key, String field) {
    BatchCommand.HashGet hashGet = new BatchCommand.HashGet(key, field);
    if (combines(hashGet)) {
      return (byte[]) combined(hashGet);
    }
    return call("HGET", key, () -> commands.hget(key, field));
  }

  @Override
  public boolean hashSet(String key, String field, byte[] value) {
    return call("HSET", key, () -> commands.hset(key, field, value));
  }

  @Override
  public void hashSet(String key, Map<String, byte[]> fields) {
    call("HSET", key, () -> commands.hset(key, fields));
  }

  @Override
  public Map<String, byte[]> hashGetAll(String key) {
    return call("HGETALL", key, () -> new LinkedHashMap<>(commands.hgetall(key)));
  }

  @Override
  public long hashDelete(String key, List<String> fields) {
    return call("HDEL", key, () -> commands.hdel(key, fields.toArray(String[]::new)));
  }

  @Override
  public long hashIncrBy(String key, String field, long delta) {
    return call("HINCRBY", key, () -> commands.hincrby(key, field, delta));
  }

  @Override
  public long publish(String channel, byte[] message) {
    return call("PUBLISH", null, () -> commands.publish(channel, message));
  }

  @Override
  public Subscription subscribe(List<String> channelsOrPatterns, boolean patterns, Consumer<Message> listener) {
    return call(patterns ? "PSUBSCRIBE" : "SUBSCRIBE", null, () -> {
      RedisSubscription subscription = RedisSubscription.open(
          session.pubSub().get(), channelsOrPatterns, patterns, listener, subscriptions::remove);
      subscriptions.add(subscription);
      return subscription;
    });
  }

  @Override
  public Duration ping() {
    return call("PING", null, () -> {
      long start = System.nanoTime();
      commands.ping();
      return Duration.ofNanos(System.nanoTime() - start);
    });
  }

  @Override
  public Stats stats() {
    return call("INFO", null, () -> RedisInfo.parse(kind, commands.info(), commands.dbsize()));
  }

  @Override
  public Instant time() {
    return call("TIME", null, () -> {
      List<byte[]> time = commands.time();
      long seconds = Long.parseLong(new String(time.get(0), StandardCharsets.US_ASCII));
      long micros = Long.parseLong(new String(time.get(1), StandardCharsets.US_ASCII));
      return Instant.ofEpochSecond(seconds, micros * 1_000);
    });
  }

  @Override
  public ScriptResult run(Script script, List<String> keys, List<String> args) {
    String[] keyArray = keys.toArray(String[]::new);
    byte[][] argArray = args.stream().map(arg -> arg.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    String what = "script " + script.name();
    List<Object> values = call(what, null, () -> {
      try {
        return commands.<List<Object>>evalsha(script.sha1(), ScriptOutputType.MULTI, keyArray, argArray);
      } catch (RedisNoScriptException e) {
        // not cached on this server yet (first use, restart, SCRIPT FLUSH): EVAL sends the source and caches it
        return commands.<List<Object>>eval(script.lua(), ScriptOutputType.MULTI, keyArray, argArray);
      }
    });
    return new ScriptResult(script.name(), values);
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      // subscriptions first: each stops its listener thread, which would otherwise wait forever
      List.copyOf(subscriptions).forEach(RedisSubscription::close);
      if (pipelines != null) {
        pipelines.close();
      }
      if (combiner != null) {
        combiner.close();
      }
      session.close();
    }
  }

  /** Runs commands on the shared connection with failures translated; the door {@link dev.cairn.kv.spi.RedisAccess} uses. */
  public <T> T callRaw(String what, Function<RedisClusterCommands<String, byte[]>, T> command) {
    return call(what, null, () -> command.apply(commands));
  }

  /** Opens a command connection of its own; see {@link DedicatedConnection}. */
  public DedicatedConnection openDedicated() {
    return call("CONNECT", null, () -> session.dedicated().get());
  }

  private String errorsUrl() {
    return errors.url();
  }

  /**
   * Whether {@code command} runs through the {@link CommandCombiner}: there is one (plain standalone Redis) and the
   * command is small enough ({@link CommandCombiner#takes}); a large key or value takes the shared connection, since
   * a combined round is written with no deadline.
   */
  private boolean combines(BatchCommand command) {
    return combiner != null && CommandCombiner.takes(command);
  }

  /** Runs a single command through the {@link CommandCombiner}; its failures are already translated. */
  private Object combined(BatchCommand command) {
    if (closed.get()) {
      throw Failures.closed(errorsUrl());
    }
    return combiner.run(command);
  }

  private <T> T call(String what, String key, Supplier<T> command) {
    if (closed.get()) {
      throw Failures.closed(errorsUrl());
    }
    try {
      return command.get();
    } catch (CairnException e) {
      throw e;
    } catch (RuntimeException e) {
      throw errors.onCommand(e, what, key);
    }
  }
}
