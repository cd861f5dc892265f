package dev.cairn.kv.internal;

import dev.cairn.kv.Message;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a subscription's messages to its listener on one virtual thread, in arrival order. Publishers and
 * Lettuce's event loop only enqueue, so a slow or re-entrant listener (one that publishes, or calls the store)
 * can neither block them nor deadlock. Thread-safe.
 */
public final class MessageDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(MessageDispatcher.class);

  private final List<String> names;
  private final Consumer<Message> listener;
  private final LinkedBlockingQueue<Message> queue = new LinkedBlockingQueue<>();
  private final Thread worker;
  private volatile boolean running = true;

  public MessageDispatcher(List<String> names, Consumer<Message> listener) {
    this.names = List.copyOf(names);
    this.listener = listener;
    this.worker = Thread.ofVirtual().name("cairn-kv-subscriber").start(this::loop);
  }

  /** Queues a message unless stopped. */
  public void dispatch(Message message) {
    if (running) {
      queue.add(message);
    }
  }

  /** Stops delivery; messages still queued are dropped. Idempotent. */
  public void stop() {
    running = false;
    worker.interrupt();
  }

  private void loop() {
    while (running) {
      Message message;
      try {
        message = queue.take();
      } catch (InterruptedException e) {
        return; // only stop() interrupts this private thread
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
