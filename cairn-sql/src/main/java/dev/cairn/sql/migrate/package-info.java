/**
 * Versioned schema changes per named database, on Flyway, with Cairn's {@code generate} (record models diffed
 * against the live schema) and {@code downgrade} (undo scripts). Entry point:
 * {@link dev.cairn.sql.registry.Databases#migrations(String)}.
 *
 * <pre>{@code
 * DatabasesConfig config = DatabasesConfig.of("postgresql://app@db:5432/app")
 *     .withCreateTables(false)                        // migrations own the schema
 *     .withMigrationsDir(Path.of("src/main/resources/db/migration"));
 * try (Databases databases = Databases.open(config)) {
 *   Migrations billing = databases.migrations("billing").orElseThrow();
 *   billing.generate("add due date to invoices", false);   // writes V{n}__add_due_date_to_invoices.sql + U{n}
 *   billing.run("latest");
 * }
 * }</pre>
 *
 * <p>Flyway Community ignores the {@code U} files (it logs that they do not follow its naming); Cairn applies them
 * itself on {@code downgrade}. Generated scripts hold one statement per line; hand-written undo scripts must end
 * each statement with {@code ;} at the end of a line.
 */
package dev.cairn.sql.migrate;
