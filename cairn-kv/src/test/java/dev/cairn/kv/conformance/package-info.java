/**
 * {@link dev.cairn.kv.conformance.KeyValueConformance}: the suite every {@code KeyValue} backend and Redis
 * deployment passes, written once and run by one small subclass per deployment ({@code MemoryKeyValueTest},
 * {@code RedisKeyValueTest}, {@code RedisTlsKeyValueTest}, {@code RedisSentinelKeyValueTest},
 * {@code RedisClusterKeyValueTest}). Its tests are grouped by topic in {@code *Conformance} interfaces over one
 * {@link dev.cairn.kv.conformance.KeyValueFixture}, the coordination primitives' among them
 * ({@link dev.cairn.kv.coord.conformance.CoordinationConformance}). Published in cairn-kv's test jar, so another
 * backend binds the same suite.
 */
package dev.cairn.kv.conformance;
