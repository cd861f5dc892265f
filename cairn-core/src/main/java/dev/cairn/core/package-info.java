/**
 * What every Cairn module shares: how operations report their outcome, how stores are addressed, and text.
 *
 * <ul>
 *   <li>Outcomes. Data operations (SQL CRUD, admin calls) return a {@link dev.cairn.core.Result}: {@code Ok} with a
 *       value, or {@code Failure} with a {@link dev.cairn.core.Status}, a stable UPPER_SNAKE code such as
 *       {@code TABLE_NOT_FOUND} and a one-line message. Expected problems are values the caller switches over,
 *       never exceptions. Calls that return plain values (key-value operations, configuration, opening a store)
 *       throw the unchecked {@link dev.cairn.core.CairnException} family instead, one subtype per status
 *       ({@link dev.cairn.core.NotFoundException}, {@link dev.cairn.core.InvalidInputException}, ...), carrying
 *       the same status, code and message; {@link dev.cairn.core.Result.Failure#toException()} and
 *       {@link dev.cairn.core.CairnException#of} convert one into the other. Bad configuration is always
 *       {@code InvalidInputException} with a code, thrown when the configuration record is built.
 *   <li>Addresses. A {@link dev.cairn.core.StoreUrl} names any store Cairn opens ({@code sqlite:data/app.db},
 *       {@code postgresql://...}, {@code memory:}, {@code redis://...}, Sentinel, Cluster); its {@code toString()}
 *       masks passwords, so a URL can go into any message or log. {@link dev.cairn.core.StoreEnvironment} is the
 *       one place that turns a deployment's {@code CAIRN_*} variables (database URL, key-value URL, mode, data
 *       directory) into URLs, for the library, the server and the CLI alike.
 *   <li>Text. {@link dev.cairn.core.Json} holds the one shared Jackson mapper (ISO-8601 time, unknown properties
 *       ignored) that values, subjects and the HTTP API use; {@link dev.cairn.core.Unicode} refuses text no
 *       storage can keep (a lone UTF-16 surrogate); {@link dev.cairn.core.SecretMask} masks passwords in text
 *       Cairn did not write (driver messages, stack traces) before it is shown or logged.
 * </ul>
 *
 * <p>Messages are one line, name what failed and never contain a password. Everything here is immutable and
 * thread-safe. Time-dependent logic elsewhere takes a {@link java.time.Clock}; tests pass the
 * {@code ManualClock} of this module's test-jar ({@code dev.cairn.core.testing}).
 */
package dev.cairn.core;
