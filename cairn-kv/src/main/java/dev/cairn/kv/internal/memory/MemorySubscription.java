package dev.cairn.kv.internal.memory;

import dev.cairn.kv.Message;
import dev.cairn.kv.Subscription;
import dev.cairn.kv.internal.MessageDispatcher;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** One in-process subscriber: the channels or patterns it listens to and the dispatcher that runs its listener. */
final class MemorySubscription implements Subscription {
  private final List<String> names;
  private final boolean patterns;
  private final MessageDispatcher dispatcher;
  private final Consumer<MemorySubscription> onClose;
  private final AtomicBoolean open = new AtomicBoolean(true);

  MemorySubscription(
      List<String> names, boolean patterns, Consumer<Message> listener, Consumer<MemorySubscription> onClose) {
    this.names = List.copyOf(names);
    this.patterns = patterns;
    this.dispatcher = new MessageDispatcher(names, listener);
    this.onClose = onClose;
  }

  List<String> names() {
    return names;
  }

  boolean patterns() {
    return patterns;
  }

  void deliver(Message message) {
    dispatcher.dispatch(message);
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
    }
  }
}
