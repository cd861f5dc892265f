/**
 * {@link dev.cairn.kv.coord.conformance.CoordinationConformance}: locks, rate limiters, work queues and embedding
 * caches, test interfaces over {@link dev.cairn.kv.conformance.KeyValueFixture} that every deployment runs as part
 * of {@link dev.cairn.kv.conformance.KeyValueConformance}.
 */
package dev.cairn.kv.coord.conformance;
