package dev.cairn.sql.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Status;
import dev.cairn.sql.Database;
import dev.cairn.sql.Health;
import dev.cairn.sql.Query;
import dev.cairn.sql.conformance.ConformanceModels.User;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link Database#health()} and a closed database. */
public interface HealthConformance extends ConformanceContext {

  @Test
  default void health_open_upWithDialectAndVersion() {
    Health health = db().health();

    assertThat(health.up()).as("health %s", health).isTrue();
    assertThat(health.error()).isNull();
    assertThat(health.latency()).isGreaterThanOrEqualTo(Duration.ZERO);
    assertThat(health.dialect()).isEqualTo(dialect());
    assertThat(db().dialect()).isEqualTo(dialect());
    assertThat(health.serverVersion()).isNotBlank();
    assertThat(health.activeConnections()).isNotNegative();
    assertThat(health.idleConnections()).isNotNegative();
    assertThat(health.waitingThreads()).isNotNegative();
    assertThat(health.url()).isEqualTo(config().url().redacted());
  }

  @Test
  default void anyOperation_closedDatabase_isUnavailable() {
    Database second = Database.open(config());
    Expect.ok(second.table(User.class).create());
    second.close();
    second.close();

    Expect.failure(second.table(User.class).find(1L), Status.UNAVAILABLE, "DATABASE_CLOSED");
    Expect.failure(second.table(User.class).insert(User.of("A", "a@x", 1)), Status.UNAVAILABLE, "DATABASE_CLOSED");
    Expect.failure(second.rows("users").query(Query.all()), Status.UNAVAILABLE, "DATABASE_CLOSED");
    Expect.failure(second.schema().tables(), Status.UNAVAILABLE, "DATABASE_CLOSED");
    Expect.failure(second.transaction(tx -> tx.table(User.class).count(dev.cairn.sql.Filter.all())),
        Status.UNAVAILABLE, "DATABASE_CLOSED");
    Health health = second.health();
    assertThat(health.up()).isFalse();
    assertThat(health.error()).isNotBlank();
  }
}
