/**
 * {@link dev.cairn.sql.migrate.conformance.MigrationConformance} (generate, run, downgrade) and
 * {@link dev.cairn.sql.migrate.conformance.RegistryConformance} (named databases on a server): suites bound once
 * per backend by a short subclass that says where the server is and removes what the test created. Published in
 * cairn-sql's test jar.
 */
package dev.cairn.sql.migrate.conformance;
