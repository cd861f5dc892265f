package dev.cairn.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.InvalidInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubjectStoragesTest {

  @Test
  void router_longestPrefixWins_otherNamesGoToFallback() {
    SubjectStorage users = SubjectStorages.memory();
    SubjectStorage admins = SubjectStorages.memory();
    SubjectStorage rest = SubjectStorages.memory();
    try (Subjects subjects = Subjects.on(SubjectStorages.router(Map.of("user-", users, "user-admin-", admins),
        rest))) {
      subjects.get("user-1").set("n", 1, Write.DIRECT);
      subjects.get("user-admin-1").set("n", 2, Write.DIRECT);
      subjects.get("device-1").set("n", 3, Write.DIRECT);

      assertThat(users.load("user-1").properties()).isEqualTo(Map.of("n", 1L));
      assertThat(admins.load("user-admin-1").properties()).isEqualTo(Map.of("n", 2L));
      assertThat(rest.load("device-1").properties()).isEqualTo(Map.of("n", 3L));
      assertThat(users.load("user-admin-1").isEmpty()).isTrue();
      assertThat(subjects.storage().isPersistent()).isFalse();
    }
  }

  @Test
  void open_memoryUrl_memoryStorage() {
    try (SubjectStorage storage = SubjectStorages.open("memory:")) {
      assertThat(storage.isPersistent()).isFalse();
      assertThat(storage.isConcurrencySafe()).isTrue();
    }
  }

  @Test
  void stats_memoryAndSql_noneAndNotCounted() {
    try (SubjectStorage memory = SubjectStorages.memory();
        SubjectStorage sql = SubjectStorages.open("sqlite::memory:")) {
      memory.set("a", PropertyKind.PROPERTY, "n", 1L);
      sql.set("a", PropertyKind.PROPERTY, "n", 1L);
      assertThat(memory.stats()).isEqualTo(new StorageStats(0));
      assertThat(sql.stats()).isEqualTo(StorageStats.NOT_COUNTED);
    }
  }

  @Test
  void open_unknownScheme_invalidInput() {
    assertThatThrownBy(() -> SubjectStorages.open("ftp://example.com/x")).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void open_sqliteMemory_notPersistent() {
    try (SubjectStorage storage = SubjectStorages.open("sqlite::memory:")) {
      assertThat(storage.isPersistent()).isFalse();
      Subjects subjects = Subjects.on(storage);
      subjects.get("a").set("n", 1, Write.DIRECT);
      assertThat(subjects.get("a").get("n")).isEqualTo(1L);
    }
  }
}
