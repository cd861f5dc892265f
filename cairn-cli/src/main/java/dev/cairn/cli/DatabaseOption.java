package dev.cairn.cli;

import dev.cairn.core.InvalidInputException;
import dev.cairn.core.NotFoundException;
import dev.cairn.core.StoreEnvironment;
import dev.cairn.core.StoreUrl;
import dev.cairn.sql.Database;
import dev.cairn.sql.DatabaseConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The {@code --db URL} and {@code --connect-timeout} options of the {@code db} commands and how they open the database it names. Without the
 * option the URL comes from the environment ({@link StoreEnvironment#databaseUrl()}).
 */
final class DatabaseOption {
  // The CLI runs one command at a time; two connections are enough and keep a shared server's slots free.
  private static final int POOL_SIZE = 2;

  @Option(
      names = "--db",
      paramLabel = "URL",
      description = "Database: sqlite:FILE, postgresql://..., mysql://..., mariadb://... (default: "
          + "CAIRN_DATABASE_URL, else DATABASE_URL, else sqlite:data/cairn.db under CAIRN_DATA_DIR or ./data).")
  private String url;

  @Mixin
  private ConnectTimeoutOption connectTimeout;

  /**
   * Opens the database. A SQLite file that does not exist is refused rather than created, so a mistyped path does
   * not leave an empty database behind.
   *
   * @throws picocli.CommandLine.ParameterException for a malformed URL or one that is not a SQL database (usage)
   * @throws NotFoundException {@code DATABASE_NOT_FOUND} for a missing SQLite file
   * @throws dev.cairn.core.UnavailableException when the server cannot be reached
   */
  Database open(CommandSpec spec) {
    String text = url != null ? url : StoreEnvironment.system().databaseUrl();
    DatabaseConfig config;
    try {
      config = DatabaseConfig.of(text);
    } catch (InvalidInputException e) {
      throw UsageErrors.invalidArgument(spec, "--db: " + e.getMessage(), e);
    }
    StoreUrl parsed = config.url();
    if (parsed.kind() == StoreUrl.Kind.SQLITE && !parsed.isSqliteMemory() && !Files.exists(Path.of(parsed.path()))) {
      throw new NotFoundException("DATABASE_NOT_FOUND", "no SQLite database at " + parsed.path()
          + (url == null ? " (give --db URL or set CAIRN_DATABASE_URL)" : ""), Map.of("path", parsed.path()), null);
    }
    DatabaseConfig sized = config.withPoolSize(POOL_SIZE);
    return Database.open(connectTimeout.apply(sized));
  }
}
