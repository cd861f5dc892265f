package dev.cairn.kv.internal.memory;

import dev.cairn.kv.Message;
import dev.cairn.kv.Subscription;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscriber: messages queue up and one virtual thread hands them to the listener in order, so a publisher
 * never runs listener code (which could publish again, or block) on its own thread.
 */
final class MemorySubscription implements Subscription {
  private static final Logger LOG = LoggerFactory.getLogger(MemorySubscription.class);

  private final List<String> names;
  private final boolean patterns;
  private final Consumer<Message> listener;
  private final Consumer<MemorySubscription> onClose;
  private final LinkedBlockingQueue<Message> queue = new LinkedBlockingQueue<>();
  private final AtomicBoolean open = new AtomicBoolean(true);
  private final Thread worker;

  MemorySubscription(
      List<String> names, boolean patterns, Consumer<Message> listener, Consumer<MemorySubscription> onClose) {
    this.names = List.copyOf(names);
    this.patterns = patterns;
    this.listener = listener;
    this.onClose = onClose;
    this.worker = Thread.ofVirtual().name("cairn-kv-memory-subscriber").start(this::deliverLoop);
  }

  List<String> names() {
    return names;
  }

  boolean patterns() {
    return patterns;
  }

  void deliver(Message message) {
    if (open.get()) {
      queue.add(message);
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
      worker.interrupt();
    }
  }

  private void deliverLoop() {
    while (open.get()) {
      Message message;
      try {
        message = queue.take();
      } catch (InterruptedException e) {
        return; // close() interrupts to end the loop; nothing else interrupts this private thread
      }
      try {
        listener.accept(message);
      } catch (RuntimeException e) {
        LOG.warn("key-value subscriber for {} failed on a message from '{}'; the subscription stays open",
            names, message.channel(), e);
      }
    }
  }
}
