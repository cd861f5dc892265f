/**
 * {@link dev.cairn.sql.conformance.DatabaseConformance}: the cairn-sql conformance suite, written once and run
 * against every backend by a four-line subclass ({@code SqliteFileConformanceTest}, {@code PostgresConformanceTest},
 * ...); server backends add {@link dev.cairn.sql.conformance.ServerConformance}. Its tests are grouped by topic in
 * the {@code *Conformance} interfaces. Published in cairn-sql's test jar, so another backend binds the same suite.
 */
package dev.cairn.sql.conformance;
