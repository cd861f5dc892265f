/**
 * Not API. The one {@code KeyValue} implementation ({@code PrefixedKeyValue}), the {@code Backend} SPI every backend
 * implements, and {@code Scripting}, the door through which coordination code runs atomic scripts (Lua on Redis,
 * a Java twin on the memory store) and reads the store's time.
 */
package dev.cairn.kv.internal;
