package dev.cairn.kv;

import java.nio.charset.StandardCharsets;

/**
 * A pub/sub message as a subscriber receives it. The channel and pattern are relative to the subscribing view's
 * prefix. Immutable apart from the payload array, which the receiver owns.
 *
 * @param channel the channel it was published on
 * @param pattern the pattern that matched for a pattern subscription, else {@code null}
 * @param payload the message bytes
 */
public record Message(String channel, String pattern, byte[] payload) {

  /** The payload as UTF-8 text. */
  public String text() {
    return new String(payload, StandardCharsets.UTF_8);
  }
}
