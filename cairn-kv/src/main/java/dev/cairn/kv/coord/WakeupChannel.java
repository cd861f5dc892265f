package dev.cairn.kv.coord;

import dev.cairn.kv.KeyValue;
import dev.cairn.kv.Message;
import dev.cairn.kv.Subscription;
import dev.cairn.kv.spi.Scripting;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One pub/sub channel that tells waiting threads, in every process, that something named changed (a lock was
 * released, a job was pushed). The message is the name. The subscription is opened on the first wait and kept
 * until {@link #close()} or the store closes, so a burst of waiters costs one subscription, not one each.
 * Notifications are best-effort (pub/sub drops messages while disconnected); waiters therefore also poll, with a
 * bounded interval. Thread-safe.
 */
final class WakeupChannel implements AutoCloseable {
  private final KeyValue kv;
  private final String channel;
  private final String fullChannel;
  private final boolean announcedByScripts;
  private final ConcurrentHashMap<String, Signal> signals = new ConcurrentHashMap<>();
  private final ReentrantLock subscribing = new ReentrantLock();
  private volatile Subscription subscription;

  WakeupChannel(KeyValue kv, String channel) {
    this.kv = kv;
    this.channel = channel;
    Scripting scripting = Scripting.of(kv);
    this.fullChannel = scripting.fullKey(channel);
    this.announcedByScripts = !scripting.backendKind().equals("memory");
  }

  /** Registers a waiter for {@code name}; pair with {@link #leave(String)} in a finally block. */
  Signal join(String name) {
    subscribeOnce();
    return signals.compute(name, (key, signal) -> (signal == null ? new Signal() : signal).join());
  }

  void leave(String name) {
    signals.computeIfPresent(name, (key, signal) -> signal.leave() ? null : signal);
  }

  /**
   * Tells every process's waiters on {@code name} to look again, unless {@link #announcedByScripts()} says the
   * script that made the change has already done so.
   */
  void announce(String name) {
    if (!announcedByScripts) {
      kv.publish(channel, name);
    }
  }

  /**
   * Whether scripts publish the wake-up themselves: true on Redis, where a Lua script can PUBLISH to
   * {@link #fullChannel()} in the same round trip; false on the memory store, whose script twins cannot.
   */
  boolean announcedByScripts() {
    return announcedByScripts;
  }

  /** The channel with the store view's prefix, as a script must name it. */
  String fullChannel() {
    return fullChannel;
  }

  private void onMessage(Message message) {
    Signal signal = signals.get(message.text());
    if (signal != null) {
      signal.fire();
    }
  }

  private void subscribeOnce() {
    if (subscription != null) {
      return;
    }
    subscribing.lock();
    try {
      if (subscription == null) {
        subscription = kv.subscribe(this::onMessage, channel);
      }
    } finally {
      subscribing.unlock();
    }
  }

  @Override
  public void close() {
    subscribing.lock();
    try {
      if (subscription != null) {
        subscription.close();
      }
    } finally {
      subscribing.unlock();
    }
  }
}
