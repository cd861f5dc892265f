package dev.cairn.server.http;

import dev.cairn.kv.KeyValue;
import dev.cairn.testkit.PostgresService;
import dev.cairn.testkit.RedisService;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The admin API on PostgreSQL and Redis (the distributed deployment), each a private database / key prefix. */
class AdminApiPostgresRedisTest extends AdminApiConformance {
  @RegisterExtension
  static final PostgresService POSTGRES = new PostgresService();

  @RegisterExtension
  static final RedisService REDIS = new RedisService();

  private KeyValue connection;

  @Override
  String databaseUrl() {
    return POSTGRES.url();
  }

  // The server sees only this class's prefix, so listing and writes never touch other keys of the shared Redis.
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
