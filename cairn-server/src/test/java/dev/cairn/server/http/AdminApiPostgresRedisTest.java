package dev.cairn.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Result;
import dev.cairn.kv.KeyValue;
import dev.cairn.server.http.ApiClient.Response;
import dev.cairn.sql.Database;
import dev.cairn.subject.SubjectStorages;
import dev.cairn.subject.Subjects;
import dev.cairn.testkit.PostgresService;
import dev.cairn.testkit.RedisService;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
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

  // KRules layout on the shared Redis, under this class's prefix.
  @Override
  Subjects openSubjects() {
    return Subjects.on(SubjectStorages.redis(connection, REDIS.keyPrefix()));
  }

  @Test
  void subjects_writtenInKrulesLayout() {
    api.send("PUT", "/api/v1/subjects/user-9/email", "{\"value\": \"ann@example.com\"}");
    assertThat(connection.hashGet("s:" + REDIS.keyPrefix() + "user-9", "pemail")).contains("\"ann@example.com\"");
  }

  @Override
  void closeStore() {
    connection.close();
  }

  /** The main job's distributed shape: two servers on one PostgreSQL and one Redis see each other's writes. */
  @Test
  void twoServers_sharedDatabaseAndStore_seeEachOthersWrites() {
    try (AdminServer second = AdminServer.start(writable(), AdminStores.of(database, store));
        Database otherPool = Database.open(POSTGRES.url());
        KeyValue otherConnection = KeyValue.open(REDIS.url());
        AdminServer third = AdminServer.start(writable(),
            AdminStores.of(otherPool, otherConnection.withPrefix(REDIS.keyPrefix())))) {
      ApiClient viaSecond = new ApiClient(second.url(), TOKEN);
      ApiClient viaThird = new ApiClient(third.url(), TOKEN);
      assertThat(second.port()).isNotEqualTo(third.port());
      viaSecond.send("PUT", "/api/v1/kv/keys/shared", "{\"value\": \"from-second\"}");
      assertThat(viaThird.get("/api/v1/kv/keys/shared").json().path("value").asText())
          .isEqualTo("from-second");
      long id = viaThird.send("POST", "/api/v1/db/tables/users",
          "{\"name\": \"Grace\", \"email\": \"grace@example.com\", \"age\": 45}").json().path("record")
          .path("id").asLong();
      assertThat(
          viaSecond.get("/api/v1/db/tables/users/rows/" + id).json().path("record").path("name").asText())
          .isEqualTo("Grace");
      viaSecond.send("DELETE", "/api/v1/db/tables/users/rows/" + id, null);
      viaSecond.send("DELETE", "/api/v1/kv/keys/shared", null);
    }
  }

  /**
   * A request whose connection PostgreSQL terminates (as a restart or an administrator does, SQLState 57P01) is a
   * 503 with Retry-After (try again), never a 500: the request here waits for a table lock the test holds, and the
   * test terminates the waiting backend.
   */
  @Test
  void connectionTerminatedByServer_503NotInternalError() throws Exception {
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread holder = Thread.ofPlatform().start(() -> database.transaction(tx -> {
      tx.execute("LOCK TABLE users IN ACCESS EXCLUSIVE MODE").orElseThrow();
      locked.countDown();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return Result.ok(0);
    }));
    try {
      assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<Response> waiting =
          CompletableFuture.supplyAsync(() -> api.get("/api/v1/db/tables/users/rows/1"));
      boolean terminated = false;
      for (int attempt = 0; attempt < 50 && !terminated; attempt++) {
        Thread.sleep(100);
        terminated = database.execute("DO $$ BEGIN IF (SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
            + " WHERE datname = current_database() AND wait_event_type = 'Lock') = 0 THEN RAISE EXCEPTION 'none'; "
            + "END IF; END $$").isOk();
      }
      assertThat(terminated).as("terminated the waiting backend").isTrue();
      release.countDown();
      Response response = waiting.get(30, TimeUnit.SECONDS);
      // Before: 500 SQL_ERROR. A data layer that reconnects and retries the read may answer 200 instead.
      assertThat(response.status()).as(response.body()).isIn(200, 503);
      if (response.status() == 503) {
        assertThat(response.header("Retry-After")).isNotNull();
      }
    } finally {
      release.countDown();
      holder.join(30_000);
    }
  }
}
