package dev.cairn.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.InvalidInputException;
import dev.cairn.core.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cache and event rules of {@link Subject} on the memory storage; every storage runs SubjectStorageConformance. */
class SubjectsTest {
  private final Subjects subjects = Subjects.inMemory();
  private final List<SubjectEvent> events = new ArrayList<>();

  SubjectsTest() {
    subjects.addListener(events::add);
  }

  @Test
  void set_cached_invisibleToOtherInstancesUntilStore() {
    Subject writer = subjects.get("user-1");
    writer.set("email", "a@example.com");
    assertThat(subjects.get("user-1").has("email")).isFalse();
    writer.store();
    assertThat(subjects.get("user-1").get("email")).isEqualTo("a@example.com");
  }

  @Test
  void set_direct_visibleAtOnce() {
    subjects.get("user-1").set("age", 30, Write.DIRECT);
    assertThat(subjects.get("user-1").get("age")).isEqualTo(30L);
  }

  @Test
  void set_sameValueAgain_noSecondEvent() {
    Subject user = subjects.get("user-1");
    user.set("age", 30);
    user.set("age", 30L);
    assertThat(events).containsExactly(new SubjectEvent.PropertyChanged("user-1", "age", 30L, null, false));
  }

  @Test
  void set_muted_storedWithoutEvent() {
    assertThat(subjects.get("user-1").set("age", 30, Write.DIRECT.mute())).isEqualTo(new Change(30L, null, false));
    assertThat(subjects.get("user-1").get("age")).as("a muted direct write is stored").isEqualTo(30L);

    Subject cached = subjects.get("user-1");
    cached.set("age", 31, Write.CACHED.mute());
    cached.store();
    assertThat(subjects.get("user-1").get("age")).as("a muted cached write is stored").isEqualTo(31L);
    assertThat(events).isEmpty();
  }

  @Test
  void delete_existing_eventCarriesOldValue() {
    Subject user = subjects.get("user-1");
    user.set("age", 30);
    assertThat(user.delete("age")).isEqualTo(30L);
    assertThat(events).last().isEqualTo(new SubjectEvent.PropertyDeleted("user-1", "age", 30L));
  }

  @Test
  void get_missing_propertyNotFound() {
    assertThatThrownBy(() -> subjects.get("user-1").get("nope")).isInstanceOf(NotFoundException.class)
        .hasFieldOrPropertyWithValue("code", "PROPERTY_NOT_FOUND").hasMessageContaining("nope");
  }

  @Test
  void reload_dropsUnstoredChanges() {
    Subject user = subjects.get("user-1");
    user.set("age", 30, Write.DIRECT);
    user.set("age", 31);
    user.reload();
    assertThat(user.get("age")).isEqualTo(30L);
  }

  @Test
  void get_emptySubjectName_invalidSubjectName() {
    assertThatThrownBy(() -> subjects.get("")).isInstanceOf(InvalidInputException.class)
        .hasFieldOrPropertyWithValue("code", "INVALID_SUBJECT_NAME");
  }

  @Test
  void set_unsupportedValue_changesNothing() {
    Subject user = subjects.get("user-1");
    assertThatThrownBy(() -> user.set("when", new Object(), Write.DIRECT)).isInstanceOf(InvalidInputException.class)
        .hasFieldOrPropertyWithValue("code", "UNSUPPORTED_VALUE");
    assertThat(subjects.get("user-1").toMap()).isEqualTo(Map.of());
  }
}
