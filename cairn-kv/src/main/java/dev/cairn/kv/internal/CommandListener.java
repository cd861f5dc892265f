package dev.cairn.kv.internal;

/**
 * Told about each key-value command when it ends. Deliberately free of any metrics library: the only implementation
 * that records meters lives in {@link dev.cairn.kv.KeyValueMetrics}, so a user who never binds metrics never loads
 * Micrometer. Implementations must be thread-safe, fast and must not throw.
 */
public interface CommandListener {

  /**
   * @param command the Redis command's name in lower case ({@code get}, {@code set}, {@code hgetall}...), or
   *     {@code batch} and {@code delete_prefix} for Cairn's composite calls
   * @param errorCode {@code null} when the command succeeded, else the failure's code ({@code WRONG_TYPE},
   *     {@code KV_UNAVAILABLE}...; the exception's class name when it carries none)
   * @param nanos how long the command took
   */
  void completed(String command, String errorCode, long nanos);
}
