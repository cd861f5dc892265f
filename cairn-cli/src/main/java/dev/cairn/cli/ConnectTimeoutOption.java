package dev.cairn.cli;

import dev.cairn.core.UnavailableException;
import dev.cairn.kv.KeyValueOptions;
import dev.cairn.sql.Database;
import dev.cairn.sql.DatabaseConfig;
import dev.cairn.sql.Health;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code --connect-timeout} option of every command that connects to a server ({@code db}, {@code migrate},
 * {@code kv}, {@code subject}, {@code vector}, {@code serve}): how long to wait for a database or key-value server
 * when connecting, {@value #DEFAULT_TEXT} by default, the libraries' own default. On Redis the same limit bounds each
 * command (the client has one timeout for both).
 */
final class ConnectTimeoutOption {
  static final String DEFAULT_TEXT = "5s";

  @Option(
      names = "--connect-timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "How long to wait for a server when connecting: 500ms, 5s, 1m... (default: " + DEFAULT_TEXT
          + "; on Redis each command too).")
  private Duration timeout;

  /** {@code config} with the option's connect timeout, or as it is without the option. */
  DatabaseConfig apply(DatabaseConfig config) {
    return timeout == null ? config : config.withConnectTimeout(timeout);
  }

  /** The key-value options: the defaults, with the option's timeout when given. */
  KeyValueOptions keyValueOptions() {
    return timeout == null ? KeyValueOptions.defaults() : KeyValueOptions.defaults().withCommandTimeout(timeout);
  }

  /**
   * With the option given, checks within that time that the SQL server of {@code url} answers, for stores that
   * open their own connections to it with no timeout of their own to set (the vector store on PostgreSQL).
   *
   * @throws UnavailableException {@code DATABASE_UNAVAILABLE} when it does not
   */
  void probe(String url) {
    if (timeout == null) {
      return;
    }
    DatabaseConfig config = apply(DatabaseConfig.of(url).withPoolSize(1));
    try (Database database = Database.open(config)) {
      Health health = database.health();
      if (!health.up()) {
        throw new UnavailableException("DATABASE_UNAVAILABLE", "cannot reach " + config.url() + ": "
            + health.error(), Map.of("url", config.url().toString()), null);
      }
    }
  }
}
