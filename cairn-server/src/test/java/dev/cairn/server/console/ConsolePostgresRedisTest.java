package dev.cairn.server.console;

import dev.cairn.core.StoreUrl;
import dev.cairn.kv.KeyValue;
import dev.cairn.testkit.PostgresService;
import dev.cairn.testkit.RedisService;
import dev.cairn.testkit.TestSupport;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The console on PostgreSQL and Redis (the distributed deployment), each a private database / key prefix. */
class ConsolePostgresRedisTest extends ConsoleScenarios {
  @RegisterExtension
  static final PostgresService POSTGRES = new PostgresService();

  @RegisterExtension
  static final RedisService REDIS = new RedisService();

  private KeyValue connection;

  @Override
  String databaseUrl() {
    return POSTGRES.url();
  }

  @Override
  Connection rawConnection() throws SQLException {
    return TestSupport.connect(StoreUrl.parse(POSTGRES.url()));
  }

  // The server sees only this class's prefix, so the key browser never shows other keys of the shared Redis.
  @Override
  KeyValue openStore() {
    connection = KeyValue.open(REDIS.url());
    return connection.withPrefix(REDIS.keyPrefix());
  }

  @Override
  void closeStore() {
    connection.close();
  }
}
