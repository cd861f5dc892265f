/**
 * JUnit 5 extensions that give a test class a real service: {@link dev.cairn.testkit.PostgresService},
 * {@link dev.cairn.testkit.MariaDbService} and {@link dev.cairn.testkit.RedisService}.
 *
 * <pre>{@code
 * class UsersTest {
 *   @RegisterExtension static final PostgresService postgres = new PostgresService();
 *
 *   @Test void insert_newUser_stored() {
 *     try (Database db = Database.open(postgres.url())) { ... }
 *   }
 * }
 * }</pre>
 *
 * <p>Each service is resolved once per JVM, in this order: the URL in {@code CAIRN_TEST_POSTGRES_URL} /
 * {@code CAIRN_TEST_MARIADB_URL} / {@code CAIRN_TEST_REDIS_URL} (a set but unusable URL fails the class); a server
 * on the standard local port (5432 as postgres, 3306 as root, 6379); a private server started from the installed
 * binaries into {@code target/cairn-services/<service>} on a free loopback port and stopped at JVM exit; otherwise
 * the class is skipped with a reason naming every attempt, or fails when {@code CAIRN_REQUIRE_SERVICES=1}.
 * Every test class gets its own database (dropped after the class) or Redis key prefix (its keys deleted after
 * the class; the server is never flushed). No Docker is involved.
 *
 * <p>The SQL and migration conformance suites live in cairn-sql's test jar ({@code dev.cairn.sql.conformance}).
 * {@code dev.cairn.testkit.internal} is not API.
 */
package dev.cairn.testkit;
