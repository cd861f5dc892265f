package dev.cairn.sql.conformance;

import static dev.cairn.sql.Filter.and;
import static dev.cairn.sql.Filter.eq;
import static dev.cairn.sql.Filter.ge;
import static dev.cairn.sql.Filter.lt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.sql.Query;
import dev.cairn.sql.Table;
import dev.cairn.sql.conformance.ConformanceModels.Address;
import dev.cairn.sql.conformance.ConformanceModels.Color;
import dev.cairn.sql.conformance.ConformanceModels.TypedValues;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Record mapping: every supported Java type stored and read back unchanged, and usable in filters. */
public interface MappingConformance extends ConformanceContext {

  Instant AT = Instant.parse("2025-06-30T23:59:58.123Z");

  private Table<TypedValues> typedValues() {
    Table<TypedValues> table = db().table(TypedValues.class);
    Expect.ok(table.create());
    return table;
  }

  static TypedValues sample(UUID id, Color color, boolean active) {
    return new TypedValues(id, AT, LocalDate.of(2024, 2, 29), LocalDateTime.of(2024, 3, 1, 12, 30, 45),
        new BigDecimal("12345.6789"), new byte[] {0, 1, (byte) 0x7f, (byte) 0x80, (byte) 0xff}, color, active, null,
        Long.MAX_VALUE, 0.25, "Grüße, 世界 🌍 'quoted' \"double\" \\ back", List.of("x", "y, z", ""),
        Map.of("one", 1, "two", 2), new Address("Main St 1", List.of(10, 20)));
  }

  @Test
  default void insert_everyType_readsBackUnchanged() {
    Table<TypedValues> table = typedValues();
    UUID id = UUID.randomUUID();
    TypedValues original = sample(id, Color.GREEN, true);

    Expect.ok(table.insert(original));
    TypedValues stored = Expect.ok(table.find(id));

    assertThat(stored.id()).isEqualTo(id);
    assertThat(stored.at()).isEqualTo(AT);
    assertThat(stored.day()).isEqualTo(original.day());
    assertThat(stored.local()).isEqualTo(original.local());
    assertThat(stored.amount()).isEqualByComparingTo(original.amount());
    assertThat(stored.data()).containsExactly(original.data());
    assertThat(stored.color()).isEqualTo(Color.GREEN);
    assertThat(stored.active()).isTrue();
    assertThat(stored.maybe()).isNull();
    assertThat(stored.big()).isEqualTo(Long.MAX_VALUE);
    assertThat(stored.ratio()).isEqualTo(0.25);
    assertThat(stored.text()).isEqualTo(original.text());
    assertThat(stored.labels()).isEqualTo(original.labels());
    assertThat(stored.scores()).isEqualTo(original.scores());
    assertThat(stored.address()).isEqualTo(original.address());
  }

  @Test
  default void insert_nullUuidKey_assignsRandomUuid() {
    Table<TypedValues> table = typedValues();

    TypedValues first = Expect.ok(table.insert(sample(null, Color.RED, false)));
    TypedValues second = Expect.ok(table.insert(sample(null, Color.RED, false)));

    assertThat(first.id()).isNotNull().isNotEqualTo(second.id());
    assertThat(Expect.ok(table.find(first.id())).active()).isFalse();
  }

  @Test
  default void insert_nullableValuesNull_readBackNull() {
    Table<TypedValues> table = typedValues();
    UUID id = UUID.randomUUID();

    Expect.ok(table.insert(new TypedValues(id, null, null, null, null, null, null, false, null, 0, 0, null, null,
        null, null)));
    TypedValues stored = Expect.ok(table.find(id));

    assertThat(stored).isEqualTo(new TypedValues(id, null, null, null, null, null, null, false, null, 0, 0, null,
        null, null, null));
  }

  @Test
  default void query_filtersOnMappedTypes_matchStoredValues() {
    Table<TypedValues> table = typedValues();
    UUID green = UUID.randomUUID();
    UUID blue = UUID.randomUUID();
    Expect.ok(table.insert(sample(green, Color.GREEN, true)));
    Expect.ok(table.insert(new TypedValues(blue, AT.plusSeconds(3600), LocalDate.of(2020, 1, 1), null,
        new BigDecimal("1.5"), null, Color.BLUE, false, true, 7, 1.0, "b", List.of(), Map.of(), null)));

    assertThat(ids(table, eq("color", Color.BLUE))).containsExactly(blue);
    assertThat(ids(table, eq("active", true))).containsExactly(green);
    assertThat(ids(table, eq("id", green))).containsExactly(green);
    assertThat(ids(table, and(ge("at", AT), lt("at", AT.plusSeconds(1))))).containsExactly(green);
    assertThat(ids(table, lt("day", LocalDate.of(2021, 1, 1)))).containsExactly(blue);
    assertThat(ids(table, ge("amount", new BigDecimal("100")))).containsExactly(green);
    assertThat(ids(table, eq("maybe", true))).containsExactly(blue);
  }

  private static List<UUID> ids(Table<TypedValues> table, dev.cairn.sql.Filter filter) {
    return Expect.ok(table.query(Query.where(filter))).items().stream().map(TypedValues::id).toList();
  }

  @Test
  default void update_jsonAndEnumColumns_readBackChanged() {
    Table<TypedValues> table = typedValues();
    UUID id = UUID.randomUUID();
    Expect.ok(table.insert(sample(id, Color.RED, true)));

    Expect.ok(table.update(id, Map.of("labels", List.of("new"), "color", Color.BLUE,
        "address", new Address("Side St 2", List.of()))));
    TypedValues stored = Expect.ok(table.find(id));

    assertThat(stored.labels()).containsExactly("new");
    assertThat(stored.color()).isEqualTo(Color.BLUE);
    assertThat(stored.address()).isEqualTo(new Address("Side St 2", List.of()));
  }
}
