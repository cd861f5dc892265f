package dev.cairn.kv.internal.redis;

import dev.cairn.kv.SetOptions;
import dev.cairn.kv.internal.BatchCommand;
import io.lettuce.core.SetArgs;
import io.lettuce.core.output.BooleanOutput;
import io.lettuce.core.output.IntegerOutput;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.output.ValueOutput;
import io.lettuce.core.protocol.AsyncCommand;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;

/**
 * A batch command as a Lettuce command object, so a whole batch can be handed to the connection at once
 * ({@code StatefulConnection.dispatch(Collection)}): the same commands and replies as the asynchronous API's
 * GET, SET, UNLINK, EXISTS, PEXPIRE and INCRBY. Stateless.
 */
final class RedisBatchCommands {
  private RedisBatchCommands() {}

  static AsyncCommand<String, byte[], ?> of(BatchCommand command) {
    CommandArgs<String, byte[]> args = new CommandArgs<>(RedisBackends.CODEC).addKey(command.key());
    return switch (command) {
      case BatchCommand.Get ignored ->
          async(CommandType.GET, new ValueOutput<>(RedisBackends.CODEC), args);
      case BatchCommand.Set set -> {
        args.addValue(set.value());
        if (!isPlain(set.options())) {
          setArgs(set.options()).build(args);
        }
        yield async(CommandType.SET, new StatusOutput<>(RedisBackends.CODEC), args);
      }
      case BatchCommand.Delete ignored -> async(CommandType.UNLINK, new IntegerOutput<>(RedisBackends.CODEC), args);
      case BatchCommand.Exists ignored -> async(CommandType.EXISTS, new IntegerOutput<>(RedisBackends.CODEC), args);
      case BatchCommand.Expire expire ->
          async(CommandType.PEXPIRE, new BooleanOutput<>(RedisBackends.CODEC), args.add(expire.ttl().toMillis()));
      case BatchCommand.IncrBy incr ->
          async(CommandType.INCRBY, new IntegerOutput<>(RedisBackends.CODEC), args.add(incr.delta()));
      case BatchCommand.HashGet hashGet ->
          async(CommandType.HGET, new ValueOutput<>(RedisBackends.CODEC), args.add(hashGet.field()));
    };
  }

  /** The command's name in failure messages. */
  static String name(BatchCommand command) {
    return switch (command) {
      case BatchCommand.Get ignored -> "GET";
      case BatchCommand.Set ignored -> "SET";
      case BatchCommand.Delete ignored -> "UNLINK";
      case BatchCommand.Exists ignored -> "EXISTS";
      case BatchCommand.Expire ignored -> "PEXPIRE";
      case BatchCommand.IncrBy ignored -> "INCRBY";
      case BatchCommand.HashGet ignored -> "HGET";
    };
  }

  /**
   * A successful reply as the batch hands it on: a Boolean for SET, EXISTS and PEXPIRE, else as decoded. PEXPIRE's
   * reply is a Boolean from Lettuce's output and an integer (1 or 0) from {@link PipelineConnection}.
   */
  static Object converted(BatchCommand command, Object reply) {
    return switch (command) {
      case BatchCommand.Set ignored -> "OK".equals(reply);
      case BatchCommand.Exists ignored -> ((Long) reply) > 0;
      case BatchCommand.Expire ignored -> reply instanceof Long set ? set == 1L : Boolean.TRUE.equals(reply);
      default -> reply;
    };
  }

  private static <T> AsyncCommand<String, byte[], T> async(CommandType type,
      io.lettuce.core.output.CommandOutput<String, byte[], T> output, CommandArgs<String, byte[]> args) {
    return new AsyncCommand<>(new Command<>(type, output, args));
  }

  /** Whether a SET with these options is a bare SET (no TTL, no condition), which needs no {@link SetArgs}. */
  static boolean isPlain(SetOptions options) {
    return options.ttl() == null && options.condition() == SetOptions.Condition.ALWAYS;
  }

  /** SET's options as Lettuce's arguments (PX, NX, XX). */
  static SetArgs setArgs(SetOptions options) {
    SetArgs args = new SetArgs();
    if (options.ttl() != null) {
      args.px(options.ttl().toMillis());
    }
    switch (options.condition()) {
      case IF_ABSENT -> args.nx();
      case IF_PRESENT -> args.xx();
      case ALWAYS -> { }
    }
    return args;
  }
}
