package dev.cairn.server.http;

import dev.cairn.kv.KeyValue;
import dev.cairn.testkit.PostgresService;
import dev.cairn.testkit.RedisService;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /metrics} over PostgreSQL (one HikariCP pool) and Redis, each a private database / key prefix. */
class MetricsPostgresRedisTest extends MetricsConformance {
  @RegisterExtension
  static final PostgresService POSTGRES = new PostgresService();

  @RegisterExtension
  static final RedisService REDIS = new RedisService();

  @Override
  String databaseUrl() {
    return POSTGRES.url();
  }

  @Override
  KeyValue openStore() {
    return KeyValue.open(REDIS.url());
  }

  @Override
  KeyValue served(KeyValue opened) {
    return opened.withPrefix(REDIS.keyPrefix());
  }
}
