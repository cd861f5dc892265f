package dev.cairn.kv.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * An atomic script with two equal implementations: Lua for Redis and a Java twin for the memory store. Both take
 * KEYS and ARGV and must return a list (a Lua table): integers as {@link Long}, strings as {@code byte[]}, nil or
 * false as {@code null}, nested tables as {@link List}. Immutable; create once and reuse (the SHA-1 is computed
 * here for EVALSHA).
 *
 * @param name a short name used in error messages
 * @param lua the Lua source, run with EVALSHA and, when the server does not know it yet, EVAL
 * @param memory the Java twin, run under the memory store's exclusive lock
 */
public record Script(String name, String lua, MemoryScript memory) {

  public Script {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(lua, "lua");
    Objects.requireNonNull(memory, "memory");
  }

  /** The Java twin of a Lua script. */
  @FunctionalInterface
  public interface MemoryScript {
    /**
     * Runs with exclusive access to the store; {@code keys} are full keys.
     *
     * @return the values, typed as {@link Script} describes
     */
    List<Object> run(ScriptStore store, List<String> keys, List<String> args);
  }

  /** The hex SHA-1 of the Lua source, as SCRIPT LOAD and EVALSHA name it. */
  public String sha1() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(lua.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
  }
}
