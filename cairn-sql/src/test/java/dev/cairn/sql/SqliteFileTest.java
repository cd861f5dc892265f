package dev.cairn.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SqliteFileTest extends DatabaseBehaviour {
  private Path file;

  @Override
  Database open() {
    String build = System.getenv().getOrDefault("CAIRN_BUILD_DIR", "target");
    file = Path.of(build, "sqlite-test", UUID.randomUUID() + "/app.db");
    return Database.open("sqlite:" + file);
  }

  @Test
  void open_createsParentDirectoriesAndUsesWal() throws SQLException {
    assertThat(Files.exists(file)).isTrue();
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = raw.createStatement();
        var rs = statement.executeQuery("pragma journal_mode")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
    }
  }

  @Test
  void rows_tableCreatedByOthers_seenAfterReintrospection_withForeignKeysAndDefaults() throws SQLException {
    assertThat(db.rows("owners").count(Filter.none()).status()).isEqualTo(dev.cairn.core.Status.NOT_FOUND);
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = raw.createStatement()) {
      statement.execute("create table owners (id integer primary key, name text not null default 'anon')");
      statement.execute("create table pets (id integer primary key, owner_id integer not null references owners(id))");
    }
    var empty = db.rows("owners").insert(Map.of());
    assertThat(((dev.cairn.core.Result.Failure<?>) empty).code()).isEqualTo("EMPTY_ROW");
    Map<String, Object> owner = db.rows("owners").insert(Map.of("id", 7)).orElseThrow();
    assertThat(owner.get("name")).isEqualTo("anon");
    var orphan = db.rows("pets").insert(Map.of("owner_id", 99));
    assertThat(((dev.cairn.core.Result.Failure<?>) orphan).code()).isEqualTo("FOREIGN_KEY_VIOLATION");
    Schema.TableInfo pets = db.schema().table("pets").orElseThrow();
    assertThat(pets.foreignKeys()).singleElement().satisfies(fk -> {
      assertThat(fk.columns()).isEqualTo(List.of("owner_id"));
      assertThat(fk.referencedTable()).isEqualTo("owners");
    });
    Schema.TableInfo owners = db.schema().table("owners").orElseThrow();
    assertThat(owners.columns().get(1).defaultValue()).contains("anon");
    assertThat(owners.columns().getFirst().autoIncrement()).isFalse();
  }

  @Test
  void update_manySingleRowUpdates_walStaysCheckpointed() throws Exception {
    Table<Person> people = db.table(Person.class);
    people.create().orElseThrow();
    Person stored = people.insert(new Person(null, "Wal", "wal@example.com", 1, null, null, null, null, null,
        Level.LOW, true, List.of(), null)).orElseThrow();
    // Each auto-commit UPDATE ... RETURNING must finish its statement so SQLite runs its automatic checkpoint
    // (at 1000 pages, about 4 MB); a statement closed early left 5000 updates with a ~60 MB log.
    for (int i = 0; i < 5000; i++) {
      people.update(stored.id(), Map.of("age", i)).orElseThrow();
    }
    Path wal = Path.of(file + "-wal");
    assertThat(Files.size(wal)).isLessThan(16L * 1024 * 1024);
  }
}
