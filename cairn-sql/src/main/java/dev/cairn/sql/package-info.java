/**
 * The relational side: one {@link dev.cairn.sql.Database} API over SQLite (file or memory), PostgreSQL and
 * MariaDB/MySQL.
 *
 * <pre>{@code
 * try (Database db = Database.open("sqlite:data/app.db")) {      // or postgresql://..., mariadb://...
 *   Table<User> users = db.table(User.class);                    // a record is a row; table "users"
 *   users.create().orElseThrow();
 *   switch (users.find(1L)) {
 *     case Result.Ok<User>(User user) -> show(user);
 *     case Result.Failure<User> failure -> log(failure.code());   // NOT_FOUND, ...
 *   }
 * }
 * }</pre>
 *
 * <ul>
 *   <li>Opening: {@link dev.cairn.sql.Database#open(String)} or {@link dev.cairn.sql.DatabaseConfig} (pool size,
 *       timeouts, {@link dev.cairn.sql.RetryPolicy}, page size cap, clock), validated when built.
 *   <li>Typed rows: {@link dev.cairn.sql.Table} maps a Java record to a table ({@link dev.cairn.sql.Id},
 *       {@link dev.cairn.sql.Column}, {@link dev.cairn.sql.TableName}); dynamic rows for admin tools:
 *       {@link dev.cairn.sql.Rows}, maps of column name to value, checked against the live schema.
 *   <li>Reading: a {@link dev.cairn.sql.Query} of a {@link dev.cairn.sql.Filter}, {@link dev.cairn.sql.Sort} keys
 *       and offset or keyset ({@link dev.cairn.sql.Cursor}) paging gives a {@link dev.cairn.sql.Page}.
 *   <li>Work in one unit: {@link dev.cairn.sql.Session#transaction} commits when the work returns {@code Ok} and
 *       rolls back otherwise; nested calls are savepoints; transient conflicts are retried as the
 *       {@code RetryPolicy} says. A {@link dev.cairn.sql.Transaction} is a {@code Session} too.
 *   <li>Looking: {@link dev.cairn.sql.Schema} (tables, columns, keys, indexes), {@link dev.cairn.sql.Health} (up or
 *       down, latency, pool counts).
 * </ul>
 *
 * <p>Every data operation returns a {@link dev.cairn.core.Result}: a missing row, a duplicate key, an unknown
 * column or an unreachable server is a {@code Failure} with a stable code, and no {@code SQLException} escapes.
 * Only opening throws: {@link dev.cairn.core.InvalidInputException} for a bad URL or setting,
 * {@link dev.cairn.core.UnavailableException} for a server that cannot be reached.
 * Names from outside are checked against the live schema and quoted by the {@link dev.cairn.sql.Dialect}; values
 * are always bound. Everything here is thread-safe except a {@code Transaction}, which belongs to the thread
 * running its work. Named databases and migrations are in {@link dev.cairn.sql.registry} and
 * {@link dev.cairn.sql.migrate}; {@code dev.cairn.sql.internal} is not API.
 */
package dev.cairn.sql;
