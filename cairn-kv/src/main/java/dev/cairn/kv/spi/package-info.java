/**
 * What other Cairn modules build on, beyond the public API: not for applications, and exported only to named Cairn
 * modules (see {@code module-info.java}). {@link dev.cairn.kv.spi.Scripting} runs atomic {@link
 * dev.cairn.kv.spi.Script}s (Lua on Redis, a Java twin on the memory store) and reads the store's time, the door
 * through which coordination code (locks, rate limiters, queues) works on any store;
 * {@link dev.cairn.kv.spi.RedisAccess} gives raw Lettuce commands and {@link dev.cairn.kv.spi.DedicatedConnection}s
 * for the Redis side of an extension that has its own memory implementation (subjects, work-queue streams).
 * Signatures here use Lettuce types, so a module using {@code RedisAccess} declares the Lettuce dependency itself.
 */
package dev.cairn.kv.spi;
