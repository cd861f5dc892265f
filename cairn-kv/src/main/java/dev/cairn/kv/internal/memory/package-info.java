/** Not API. The in-process memory backend: a concurrent map with lazy and periodic expiry, pub/sub in process. */
package dev.cairn.kv.internal.memory;
