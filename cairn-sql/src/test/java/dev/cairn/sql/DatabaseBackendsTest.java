package dev.cairn.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cairn.core.ConflictException;
import dev.cairn.core.InvalidInputException;
import dev.cairn.sql.conformance.Expect;
import dev.cairn.sql.internal.BuiltInBackends;
import dev.cairn.sql.plugged.H2Backend;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The backend registry: Cairn's own backends and the test class path's H2 backend come from ServiceLoader; a
 * factory registered at run time opens its scheme; names are checked; an unknown scheme names the registered ones.
 * Every test leaves the registry as it found it.
 */
class DatabaseBackendsTest {

  private static String h2Memory() {
    return "h2:mem:backends-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  }

  @Test
  void serviceLoader_registersCairnsOwnAndThePluggedH2() {
    assertThat(DatabaseBackends.list()).contains("sqlite", "postgresql", "postgres", "pgsql", "mariadb", "mysql",
        "h2").isSorted();
    assertThat(DatabaseBackends.isRegistered("h2")).isTrue();
    assertThat(DatabaseBackends.isRegistered("sqlite")).isTrue();
    assertThat(DatabaseBackends.isRegistered("nosuch")).isFalse();
    assertThat(DatabaseBackends.isRegistered(null)).isFalse();
  }

  @Test
  void open_h2Url_goesThroughThePluggedBackend_andMasksItsPassword() {
    try (Database db = Database.open(h2Memory() + ";USER=sa;PASSWORD=s3cret")) {
      assertThat(db.url().scheme()).isEqualTo("h2");
      assertThat(db.url().toString()).contains("PASSWORD=****").doesNotContain("s3cret");
      assertThat(db.dialect()).isEqualTo(Dialect.MARIADB);
      Expect.ok(db.execute("CREATE TABLE notes (id BIGINT PRIMARY KEY, body VARCHAR(100))"));
      Expect.ok(db.execute("INSERT INTO notes (id, body) VALUES (?, ?)", 1, "hello"));
      assertThat(Expect.ok(db.queryOne("SELECT body FROM notes WHERE id = :id", java.util.Map.of("id", 1)))
          .getString("body")).isEqualTo("hello");
      assertThat(db.health().up()).isTrue();
    }
  }

  @Test
  void register_factory_opensItsScheme_untilUnregistered() {
    AtomicInteger opened = new AtomicInteger();
    DatabaseBackends.register("counted", config -> {
      opened.incrementAndGet();
      return new H2Backend().open(DatabaseConfig.of(config.url().path().replaceFirst("^counted:", "h2:")));
    });
    try {
      assertThat(DatabaseBackends.isRegistered("counted")).isTrue();
      assertThat(DatabaseBackends.list()).contains("counted");
      try (Database db = Database.open("counted:mem:counted-" + UUID.randomUUID())) {
        assertThat(Expect.ok(db.queryOne("SELECT 1 AS one")).getLong("one")).isEqualTo(1L);
      }
      assertThat(opened).hasValue(1);
    } finally {
      assertThat(DatabaseBackends.unregister("counted")).isTrue();
    }
    assertThat(DatabaseBackends.unregister("counted")).isFalse();
    InvalidInputException gone = catchThrowableOfType(InvalidInputException.class,
        () -> Database.open("counted:mem:x"));
    assertThat(gone.code()).isEqualTo("UNSUPPORTED_URL_SCHEME");
  }

  @Test
  void register_takenName_isConflict_andRegistersNothing() {
    ConflictException twice = catchThrowableOfType(ConflictException.class,
        () -> DatabaseBackends.register("h2", config -> null));
    assertThat(twice.code()).isEqualTo("BACKEND_ALREADY_REGISTERED");
    assertThat(twice.getMessage()).contains("'h2'").contains("unregister");

    DatabaseBackend aliasTaken = new DatabaseBackend() {
      @Override
      public String name() {
        return "fresh";
      }

      @Override
      public Set<String> aliases() {
        return Set.of("postgres");
      }

      @Override
      public Database open(DatabaseConfig config) {
        throw new AssertionError("never opened");
      }
    };
    assertThatThrownBy(() -> DatabaseBackends.register(aliasTaken)).isInstanceOf(ConflictException.class)
        .hasMessageContaining("'postgres'");
    assertThat(DatabaseBackends.isRegistered("fresh")).isFalse();
  }

  @Test
  void register_hostileOrReservedNames_areInvalid() {
    for (String name : new String[] {"", " ", "H2", "../etc", "h2;drop table x", "a b", "h2:", "x".repeat(33),
        "bad\nname", "redis", "memory", "jdbc", "1abc"}) {
      InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
          () -> DatabaseBackends.register(name, config -> null));
      assertThat(refused).as(name).isNotNull();
      assertThat(refused.code()).isEqualTo("INVALID_BACKEND_NAME");
      assertThat(refused.getMessage()).doesNotContain("\n");
    }
    assertThatThrownBy(() -> DatabaseBackends.register(null, config -> null))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> DatabaseBackends.unregister("../etc")).isInstanceOf(InvalidInputException.class);
    assertThat(DatabaseBackends.list()).noneMatch(name -> name.contains(".") || name.contains(" "));
  }

  @Test
  void open_unknownScheme_namesTheRegisteredOnes() {
    InvalidInputException unknown = catchThrowableOfType(InvalidInputException.class,
        () -> Database.open("oracle://scott:tiger@db.example/orcl"));

    assertThat(unknown.code()).isEqualTo("UNSUPPORTED_URL_SCHEME");
    assertThat(unknown.getMessage()).contains("'oracle'").contains("registered:").contains("h2").contains("sqlite")
        .contains("postgresql").doesNotContain("tiger");
  }

  @Test
  void builtInBackend_registersThroughTheSameRegistry_andCanBeReplaced() {
    assertThat(DatabaseBackends.unregister("mysql")).isTrue();
    try {
      InvalidInputException gone = catchThrowableOfType(InvalidInputException.class,
          () -> Database.open("mysql://root@127.0.0.1:3306/test"));
      assertThat(gone.code()).isEqualTo("UNSUPPORTED_URL_SCHEME");
      assertThat(gone.getMessage()).doesNotContain("mysql,").contains("mariadb");
    } finally {
      DatabaseBackends.register(new BuiltInBackends.Mysql());
    }
    assertThat(DatabaseBackends.isRegistered("mysql")).isTrue();
  }
}
