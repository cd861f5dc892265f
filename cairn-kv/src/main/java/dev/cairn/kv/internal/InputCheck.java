package dev.cairn.kv.internal;

import dev.cairn.core.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Checks keys, fields, channels and values before anything reaches a backend. Immutable, thread-safe. */
record InputCheck(long maxValueBytes) {

  String key(String key) {
    Objects.requireNonNull(key, "key");
    if (key.isEmpty()) {
      throw new InvalidInputException("EMPTY_KEY", "key must not be empty");
    }
    return key;
  }

  String field(String field) {
    Objects.requireNonNull(field, "field");
    if (field.isEmpty()) {
      throw new InvalidInputException("EMPTY_FIELD", "hash field must not be empty");
    }
    return field;
  }

  String channel(String channel) {
    Objects.requireNonNull(channel, "channel");
    if (channel.isEmpty()) {
      throw new InvalidInputException("EMPTY_CHANNEL", "channel must not be empty");
    }
    return channel;
  }

  String prefix(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    if (prefix.isEmpty()) {
      throw new InvalidInputException("EMPTY_PREFIX", "prefix must not be empty");
    }
    return prefix;
  }

  byte[] value(String key, byte[] value) {
    Objects.requireNonNull(value, "value");
    if (value.length > maxValueBytes) {
      throw new InvalidInputException("VALUE_TOO_LARGE",
          "value for key '" + key + "' is " + value.length + " bytes, over the limit of " + maxValueBytes + " bytes",
          Map.of("key", key, "bytes", value.length, "maxBytes", maxValueBytes), null);
    }
    return value;
  }

  List<String> nonEmpty(List<String> names, String what) {
    if (names.isEmpty()) {
      throw new InvalidInputException("NO_CHANNELS", "subscribe needs at least one " + what);
    }
    return names;
  }
}
