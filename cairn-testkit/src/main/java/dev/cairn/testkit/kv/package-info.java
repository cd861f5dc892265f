/**
 * Tests for the key-value side: {@code KeyValueConformance}, the suite every {@code KeyValue} backend passes, and
 * {@code PrivateRedis}, throw-away Redis servers (plain, TLS-only with a generated PKI, Sentinel, 3-master
 * Cluster) started from the installed binaries into {@code target/}.
 */
package dev.cairn.testkit.kv;
