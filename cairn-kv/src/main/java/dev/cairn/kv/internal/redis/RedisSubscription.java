package dev.cairn.kv.internal.redis;

import dev.cairn.kv.Message;
import dev.cairn.kv.Subscription;
import dev.cairn.kv.internal.MessageDispatcher;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A subscription on its own pub/sub connection (a subscribed connection cannot run other commands). Lettuce
 * resubscribes after a reconnect. Messages go through a {@link MessageDispatcher}, never run on the event loop.
 */
final class RedisSubscription implements Subscription {
  private final StatefulRedisPubSubConnection<String, byte[]> connection;
  private final MessageDispatcher dispatcher;
  private final Consumer<RedisSubscription> onClose;
  private final AtomicBoolean open = new AtomicBoolean(true);

  private RedisSubscription(StatefulRedisPubSubConnection<String, byte[]> connection, MessageDispatcher dispatcher,
      Consumer<RedisSubscription> onClose) {
    this.connection = connection;
    this.dispatcher = dispatcher;
    this.onClose = onClose;
  }

  /** Subscribes on {@code connection}, which the subscription then owns; {@code onClose} runs when it closes. */
  static RedisSubscription open(
      StatefulRedisPubSubConnection<String, byte[]> connection, List<String> names, boolean patterns,
      Consumer<Message> listener, Consumer<RedisSubscription> onClose) {
    MessageDispatcher dispatcher = new MessageDispatcher(names, listener);
    RedisSubscription subscription = new RedisSubscription(connection, dispatcher, onClose);
    connection.addListener(new RedisPubSubAdapter<>() {
      @Override
      public void message(String channel, byte[] message) {
        dispatcher.dispatch(new Message(channel, null, message));
      }

      @Override
      public void message(String pattern, String channel, byte[] message) {
        dispatcher.dispatch(new Message(channel, pattern, message));
      }
    });
    try {
      String[] array = names.toArray(String[]::new);
      if (patterns) {
        connection.sync().psubscribe(array);
      } else {
        connection.sync().subscribe(array);
      }
      return subscription;
    } catch (RuntimeException e) {
      subscription.close();
      throw e;
    }
  }

  @Override
  public boolean isOpen() {
    return open.get();
  }

  @Override
  public void close() {
    if (open.compareAndSet(true, false)) {
      onClose.accept(this);
      dispatcher.stop();
      // closing the connection ends the subscription on the server; no UNSUBSCRIBE round trip needed
      connection.close();
    }
  }
}
