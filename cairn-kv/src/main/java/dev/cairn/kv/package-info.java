/** The key-value side: one {@code KeyValue} API over an in-process memory store and Redis. */
package dev.cairn.kv;
