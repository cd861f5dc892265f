package dev.cairn.sql.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.InvalidInputException;
import dev.cairn.sql.Column;
import dev.cairn.sql.Database;
import org.junit.jupiter.api.Test;

/** {@code @Column(defaultValue)}: what Table.create() makes of it and what it refuses. */
class ColumnDefaultTest {
  record Ticket(Long id, @Column(defaultValue = "'open'") String state, @Column(defaultValue = "3") int level) {}

  record Injected(Long id, @Column(defaultValue = "0); drop table tickets; --") String state) {}

  @Test
  void create_declaredDefaults_fillRowsWrittenByOthers() {
    try (Database db = Database.open("sqlite::memory:")) {
      db.table(Ticket.class).create().orElseThrow();
      db.execute("insert into tickets (id) values (7)").orElseThrow();

      assertThat(db.table(Ticket.class).find(7L).orElseThrow()).isEqualTo(new Ticket(7L, "open", 3));
      assertThat(db.schema().table("tickets").orElseThrow().columns())
          .anySatisfy(c -> assertThat(c.defaultValue()).isEqualTo("'open'"));
    }
  }

  @Test
  void create_defaultNotALiteral_invalidRecordAndNoTable() {
    try (Database db = Database.open("sqlite::memory:")) {
      assertThatThrownBy(() -> db.table(Injected.class).create())
          .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("INVALID_RECORD"))
          .hasMessageContaining("not a number, a quoted string, true or false");
      assertThat(db.schema().tables().orElseThrow()).isEmpty();
    }
  }
}
