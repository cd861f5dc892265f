package dev.cairn.kv.spi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * An atomic script with two equal implementations: Lua for Redis and a Java twin for the memory store. Both take
 * KEYS and ARGV and must return a list (a Lua table): integers as {@link Long}, strings as {@code byte[]}, nil or
 * false as {@code null}, nested tables as {@link List}. A twin returning a null element must build its list with
 * {@code Arrays.asList} or {@code ArrayList}, since {@code List.of} rejects nulls. Immutable and thread-safe;
 * create once (a constant) and reuse, since the SHA-1 for EVALSHA is computed here.
 */
public final class Script {
  private final String name;
  private final String lua;
  private final MemoryScript memory;
  private final String sha1;

  /**
   * @param name a short name used in error messages
   * @param lua the Lua source, run with EVALSHA and, when the server does not know it yet, EVAL
   * @param memory the Java twin, run under the memory store's exclusive lock
   */
  public Script(String name, String lua, MemoryScript memory) {
    this.name = Objects.requireNonNull(name, "name");
    this.lua = Objects.requireNonNull(lua, "lua");
    this.memory = Objects.requireNonNull(memory, "memory");
    this.sha1 = sha1Of(lua);
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

  public String name() {
    return name;
  }

  public String lua() {
    return lua;
  }

  public MemoryScript memory() {
    return memory;
  }

  /** The hex SHA-1 of the Lua source, as SCRIPT LOAD and EVALSHA name it. */
  public String sha1() {
    return sha1;
  }

  @Override
  public String toString() {
    return "Script[" + name + ", sha1=" + sha1 + "]";
  }

  private static String sha1Of(String source) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
  }
}
