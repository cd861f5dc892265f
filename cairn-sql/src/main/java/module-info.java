/**
 * The relational side: {@code Database}, {@code Table}, {@code Rows}, named databases and migrations. Backends and
 * the table-index annotation processor live in {@code dev.cairn.sql.internal...}, which is not exported.
 *
 * <p>Records given to {@code Database.table} are read and built by reflection: an application module opens their
 * package to {@code dev.cairn.sql}. Flyway scans {@code classpath:db/migration/{name}}, which in an application
 * module is the package {@code db.migration.{name}}: open it, or configure a migrations directory. JDBC drivers
 * (SQLite, PostgreSQL, MariaDB) are found through {@code java.sql.Driver} services; database backends by URL
 * scheme through {@code dev.cairn.sql.DatabaseBackend} services (see {@code DatabaseBackends}).
 */
@SuppressWarnings("requires-automatic") // Flyway and pgjdbc have no module descriptor; nothing to fix here
module dev.cairn.sql {
  requires transitive dev.cairn.core;
  requires java.sql;
  // javax.annotation.processing for the table-index processor; javac is where it runs, so the module is there.
  requires java.compiler;
  requires com.zaxxer.hikari;
  requires org.jooq;
  // No Automatic-Module-Name in Flyway's jar: the name is derived from the file name (flyway-core-N.jar).
  requires flyway.core;
  requires org.postgresql.jdbc;
  requires org.xerial.sqlitejdbc;
  requires org.slf4j;
  // Optional at run time: only the metrics binder uses it (see its Javadoc).
  requires static micrometer.core;

  exports dev.cairn.sql;
  exports dev.cairn.sql.migrate;
  exports dev.cairn.sql.registry;

  provides javax.annotation.processing.Processor with dev.cairn.sql.internal.registry.TableIndexProcessor;

  // Database backends by URL scheme: Cairn's own register through the same service as a jar that adds one.
  uses dev.cairn.sql.DatabaseBackend;
  provides dev.cairn.sql.DatabaseBackend with dev.cairn.sql.internal.BuiltInBackends.Sqlite,
      dev.cairn.sql.internal.BuiltInBackends.Postgresql, dev.cairn.sql.internal.BuiltInBackends.Mariadb,
      dev.cairn.sql.internal.BuiltInBackends.Mysql;
}
