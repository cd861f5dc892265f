package dev.cairn.kv.coord;

import dev.cairn.kv.spi.Script;
import dev.cairn.kv.spi.ScriptStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The work-queue scripts over one stream (KEYS[1]) and its consumer group. The group is created by the first take
 * (from id 0, so jobs pushed before it are delivered); {@code BUSYGROUP} is the only error tolerated there.
 */
final class QueueScripts {
  /** ARGV: payload, full wake-up channel, queue name. Returns {id}; announces the push on Redis. */
  static final Script PUSH = new Script("queue-push", """
      local id = redis.call('XADD', KEYS[1], '*', 'payload', ARGV[1])
      redis.call('PUBLISH', ARGV[2], ARGV[3])
      return {id}
      """, QueueScripts::push);

  /**
   * ARGV: group, consumer, visibility timeout ms. Reclaims the first job idle for the timeout (XAUTOCLAIM, looped
   * over the whole pending list because each call scans only a few entries), else reads a new one. Returns
   * {id, payload, deliveries} or {} when there is none.
   */
  static final Script TAKE = new Script("queue-take", """
      local created = redis.pcall('XGROUP', 'CREATE', KEYS[1], ARGV[1], '0', 'MKSTREAM')
      if type(created) == 'table' and created.err and not string.find(created.err, 'BUSYGROUP') then
        return redis.error_reply(created.err)
      end
      local entry = nil
      local cursor = '0-0'
      repeat
        local claimed = redis.call('XAUTOCLAIM', KEYS[1], ARGV[1], ARGV[2], ARGV[3], cursor, 'COUNT', 1)
        cursor = claimed[1]
        entry = claimed[2][1]
      until entry ~= nil or cursor == '0-0'
      if entry == nil then
        local read = redis.call('XREADGROUP', 'GROUP', ARGV[1], ARGV[2], 'COUNT', 1, 'STREAMS', KEYS[1], '>')
        if not read then
          return {}
        end
        entry = read[1][2][1]
      end
      local pending = redis.call('XPENDING', KEYS[1], ARGV[1], entry[1], entry[1], 1)
      return {entry[1], entry[2][2], pending[1][4]}
      """, QueueScripts::take);

  /**
   * The start of the scripts that act on a held job (ARGV: group, consumer, id): returns {0} unless the consumer
   * holds the entry; a group that does not exist yet holds nothing.
   */
  private static final String RETURN_UNLESS_HELD = """
      local pending = redis.pcall('XPENDING', KEYS[1], ARGV[1], ARGV[3], ARGV[3], 1)
      if pending.err then
        if string.find(pending.err, 'NOGROUP') then
          return {0}
        end
        return redis.error_reply(pending.err)
      end
      if #pending == 0 or pending[1][2] ~= ARGV[2] then
        return {0}
      end
      """;

  /** ARGV: group, consumer, id. Acks and deletes the entry if the consumer holds it. Returns {1} or {0}. */
  static final Script ACK = new Script("queue-ack", RETURN_UNLESS_HELD + """
      redis.call('XACK', KEYS[1], ARGV[1], ARGV[3])
      redis.call('XDEL', KEYS[1], ARGV[3])
      return {1}
      """, QueueScripts::ack);

  /**
   * ARGV: group, consumer, id. Restarts the job's visibility timeout (XCLAIM with JUSTID, which leaves the delivery
   * count alone) if the consumer holds it. Returns {1} or {0}.
   */
  static final Script EXTEND = new Script("queue-extend", RETURN_UNLESS_HELD + """
      redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[3], 'JUSTID')
      return {1}
      """, QueueScripts::extend);

  private QueueScripts() {}

  private static List<Object> push(ScriptStore store, List<String> keys, List<String> args) {
    MemoryStream stream = stream(store, keys);
    return List.of(bytes(stream.add(args.get(0), store.now().toEpochMilli()).toString()));
  }

  private static List<Object> take(ScriptStore store, List<String> keys, List<String> args) {
    MemoryStream stream = stream(store, keys);
    long now = store.now().toEpochMilli();
    Job job = stream.reclaim(args.get(1), Long.parseLong(args.get(2)), now);
    if (job == null) {
      job = stream.readNew(args.get(1), now);
    }
    List<Object> result = new ArrayList<>();
    if (job != null) {
      result.addAll(List.of(bytes(job.id()), bytes(job.payload()), job.deliveries()));
    }
    return result;
  }

  private static List<Object> ack(ScriptStore store, List<String> keys, List<String> args) {
    return store.object(keys.get(0), MemoryStream.class)
        .filter(stream -> stream.ack(args.get(1), StreamId.parse(args.get(2))))
        .<List<Object>>map(stream -> List.of(1L))
        .orElse(List.of(0L));
  }

  private static List<Object> extend(ScriptStore store, List<String> keys, List<String> args) {
    long now = store.now().toEpochMilli();
    return store.object(keys.get(0), MemoryStream.class)
        .filter(stream -> stream.extend(args.get(1), StreamId.parse(args.get(2)), now))
        .<List<Object>>map(stream -> List.of(1L))
        .orElse(List.of(0L));
  }

  private static MemoryStream stream(ScriptStore store, List<String> keys) {
    return store.object(keys.get(0), MemoryStream.class).orElseGet(() -> {
      MemoryStream created = new MemoryStream();
      store.putObject(keys.get(0), created, null);
      return created;
    });
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
