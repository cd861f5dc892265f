package dev.cairn.kv.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.kv.KeyValue;
import dev.cairn.kv.Message;
import dev.cairn.kv.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Publish and subscribe, part of {@link KeyValueConformance}. Waits are bounded polls, never fixed sleeps. The
 * number PUBLISH returns is checked only where it counts every subscriber ({@link #publishCountsAllSubscribers()}):
 * Redis Cluster counts only the subscribers of the node that took the PUBLISH.
 */
public interface PubSubConformance extends KeyValueFixture {
  long RECEIVE_TIMEOUT_SECONDS = 10;

  /** Whether PUBLISH's answer counts all subscribers; false for Redis Cluster. */
  default boolean publishCountsAllSubscribers() {
    return true;
  }

  @Test
  default void subscribe_publishedMessages_deliveredInOrder() throws InterruptedException {
    BlockingQueue<Message> received = new LinkedBlockingQueue<>();
    try (Subscription subscription = kv().subscribe(received::add, "news")) {
      for (int i = 0; i < 20; i++) {
        assertPublished(kv().publish("news", "m" + i), 1);
      }

      List<String> texts = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        Message message = take(received);
        assertThat(message.channel()).isEqualTo("news");
        assertThat(message.pattern()).isNull();
        texts.add(message.text());
      }
      assertThat(texts).containsExactlyElementsOf(IntStream.range(0, 20).mapToObj(i -> "m" + i).toList());
      assertThat(subscription.isOpen()).isTrue();
    }
  }

  @Test
  default void subscribePattern_matchingChannel_deliversWithPattern() throws InterruptedException {
    BlockingQueue<Message> received = new LinkedBlockingQueue<>();
    try (Subscription subscription = kv().subscribePattern(received::add, "news.*")) {
      assertThat(subscription.isOpen()).isTrue();
      assertThat(kv().publish("sport", "no")).isZero();
      assertPublished(kv().publish("news.tech", "yes"), 1);

      Message message = take(received);
      assertThat(message.channel()).isEqualTo("news.tech");
      assertThat(message.pattern()).isEqualTo("news.*");
      assertThat(message.text()).isEqualTo("yes");
    }
  }

  @Test
  default void close_subscription_stopsDelivery() throws InterruptedException {
    BlockingQueue<Message> received = new LinkedBlockingQueue<>();
    BlockingQueue<Message> markers = new LinkedBlockingQueue<>();
    Subscription subscription = kv().subscribe(received::add, "c");
    try (Subscription witness = kv().subscribe(markers::add, "c", "marker")) {
      assertPublished(kv().publish("c", "before"), 2);
      assertThat(take(received).text()).isEqualTo("before");
      assertThat(take(markers).text()).isEqualTo("before");

      subscription.close();
      subscription.close();
      kv().publish("c", "after");
      kv().publish("marker", "done");

      // the witness saw both later messages in order, so the closed subscription had its chance to get "after"
      assertThat(take(markers).text()).isEqualTo("after");
      assertThat(take(markers).text()).isEqualTo("done");
      assertThat(received).isEmpty();
      assertThat(subscription.isOpen()).isFalse();
      assertThat(witness.isOpen()).isTrue();
    }
    if (publishCountsAllSubscribers()) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RECEIVE_TIMEOUT_SECONDS);
      while (kv().publish("c", "gone") != 0 && System.nanoTime() < deadline) {
        Thread.sleep(20); // the server drops a closed subscriber's connection asynchronously
      }
      assertThat(kv().publish("c", "gone")).isZero();
    }
  }

  @Test
  default void subscribe_listenerThrows_subscriptionKeepsDelivering() throws InterruptedException {
    BlockingQueue<Message> received = new LinkedBlockingQueue<>();
    try (Subscription subscription = kv().subscribe(message -> {
      if (message.text().equals("bad")) {
        throw new IllegalStateException("listener failure on purpose");
      }
      received.add(message);
    }, "c")) {
      kv().publish("c", "bad");
      kv().publish("c", "good");

      assertThat(take(received).text()).isEqualTo("good");
      assertThat(subscription.isOpen()).isTrue();
    }
  }

  @Test
  default void subscribe_prefixedViews_isolateChannels() throws InterruptedException {
    KeyValue first = kv().withPrefix("one:");
    KeyValue second = kv().withPrefix("two:");
    BlockingQueue<Message> received = new LinkedBlockingQueue<>();
    try (Subscription subscription = second.subscribe(received::add, "c")) {
      assertThat(subscription.isOpen()).isTrue();
      assertThat(first.publish("c", "for one")).isZero();
      assertPublished(kv().publish("two:c", "for two"), 1);

      Message message = take(received);
      assertThat(message.channel()).isEqualTo("c");
      assertThat(message.text()).isEqualTo("for two");
    }
  }

  private void assertPublished(long receivers, long expected) {
    if (publishCountsAllSubscribers()) {
      assertThat(receivers).as("subscribers PUBLISH reached").isEqualTo(expected);
    }
  }

  private static Message take(BlockingQueue<Message> queue) throws InterruptedException {
    Message message = queue.poll(RECEIVE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    assertThat(message).as("a message within %d s", RECEIVE_TIMEOUT_SECONDS).isNotNull();
    return message;
  }
}
