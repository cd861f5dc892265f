/** Not API. The Redis backend on Lettuce: standalone, TLS, Sentinel and Cluster behind one {@code Backend}. */
package dev.cairn.kv.internal.redis;
