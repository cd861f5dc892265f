/**
 * The key-value side: one {@code KeyValue} API over an in-process memory store and Redis, and
 * {@link dev.cairn.kv.StateBackends} for opening the one the deployment mode ({@code CAIRN_MODE}) calls for.
 */
package dev.cairn.kv;
