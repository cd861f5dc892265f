/**
 * {@link dev.cairn.sql.conformance.DatabaseConformance}: the cairn-sql conformance suite, written once and run against
 * every backend by a four-line subclass. Its tests are grouped by topic in the {@code *Conformance} interfaces.
 */
package dev.cairn.sql.conformance;
