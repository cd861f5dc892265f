package dev.cairn.kv.internal.memory;

import dev.cairn.kv.Message;
import dev.cairn.kv.Subscription;
import dev.cairn.kv.internal.Glob;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * In-process publish/subscribe with Redis' counting: PUBLISH returns one per delivery, so a subscription whose
 * two patterns both match counts (and receives) twice. Thread-safe.
 */
final class MemoryPubSub {
  private final Set<MemorySubscription> subscriptions = ConcurrentHashMap.newKeySet();

  long publish(String channel, byte[] message) {
    long deliveries = 0;
    for (MemorySubscription subscription : subscriptions) {
      for (String name : subscription.names()) {
        if (subscription.patterns() ? Glob.matches(name, channel) : name.equals(channel)) {
          subscription.deliver(new Message(channel, subscription.patterns() ? name : null, message.clone()));
          deliveries++;
        }
      }
    }
    return deliveries;
  }

  Subscription subscribe(List<String> names, boolean patterns, Consumer<Message> listener) {
    MemorySubscription subscription = new MemorySubscription(names, patterns, listener, subscriptions::remove);
    subscriptions.add(subscription);
    return subscription;
  }

  int size() {
    return subscriptions.size();
  }

  void closeAll() {
    List.copyOf(subscriptions).forEach(MemorySubscription::close);
  }
}
