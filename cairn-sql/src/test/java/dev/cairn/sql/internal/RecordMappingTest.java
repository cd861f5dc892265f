package dev.cairn.sql.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Records to rows and back, through the generated class and through the method-handle fallback alike. */
class RecordMappingTest {
  enum Colour { RED, GREEN }

  record Everything(long id, int count, short small, byte tiny, double ratio, float half, boolean flag, char letter,
      Long boxedId, Integer boxedCount, String name, Instant at, UUID token, BigDecimal price, Colour colour,
      List<String> tags, Map<String, Integer> scores, byte[] payload) {}

  /** Private, with a private canonical constructor: reached as a nestmate, as reflection reaches it. */
  private record Hidden(long id, String name) {
    private Hidden {}
  }

  @Test
  void roundTripsEveryKindOfComponentThroughTheGeneratedClass() {
    RecordMapping<Everything> mapping = RecordMapping.of(Everything.class);
    Everything value = new Everything(1L << 40, -7, (short) 300, (byte) -2, 0.25, 1.5f, true, 'x', 9L, 11, "n",
        Instant.parse("2026-01-02T03:04:05.123456Z"), UUID.fromString("00000000-0000-0000-0000-00000000002a"),
        new BigDecimal("12.50"), Colour.GREEN, List.of("a", "b"), Map.of("k", 3), new byte[] {1, 2});

    Object[] row = mapping.toRow(value);

    assertThat(mapping.generated()).isTrue();
    assertThat(row[0]).isEqualTo(1L << 40);
    assertThat(row[1]).isEqualTo(-7L);
    assertThat(row[14]).isEqualTo("GREEN");
    assertThat(mapping.fromRow(row)).usingRecursiveComparison().isEqualTo(value);
  }

  @Test
  void readsNullsAsTheDefaultsOfPrimitivesAndAsNullOtherwise() {
    RecordMapping<Everything> mapping = RecordMapping.of(Everything.class);

    Everything back = mapping.fromRow(new Object[18]);

    assertThat(back.id()).isZero();
    assertThat(back.flag()).isFalse();
    assertThat(back.letter()).isEqualTo('\0');
    assertThat(back.boxedId()).isNull();
    assertThat(back.name()).isNull();
  }

  @Test
  void reachesAPrivateRecordWithAPrivateConstructor() {
    RecordMapping<Hidden> mapping = RecordMapping.of(Hidden.class);

    assertThat(mapping.generated()).isTrue();
    assertThat(mapping.fromRow(mapping.toRow(new Hidden(5, "five")))).isEqualTo(new Hidden(5, "five"));
  }

  @Test
  void widensAnArgumentOfAnotherBoxedTypeAsTheMethodHandlesDid() {
    RecordMapping<Hidden> mapping = RecordMapping.of(Hidden.class);

    assertThat(mapping.fromRow(new Object[] {Integer.valueOf(6), "six"})).isEqualTo(new Hidden(6, "six"));
    assertThatThrownBy(() -> mapping.fromRow(new Object[] {"not a number", "six"}))
        .isInstanceOf(ClassCastException.class);
  }

  @Test
  void theMethodHandleFallbackMapsTheSameRows() {
    RecordMapping<Everything> generated = RecordMapping.of(Everything.class);
    RecordMapping<Everything> handles = RecordMapping.of(Everything.class, false);
    Everything value = new Everything(3, 4, (short) 5, (byte) 6, 7.5, 8.5f, false, 'y', null, null, null, null, null,
        null, Colour.RED, List.of(), Map.of(), null);

    assertThat(handles.generated()).isFalse();
    assertThat(handles.toRow(value)).usingRecursiveComparison().isEqualTo(generated.toRow(value));
    assertThat(handles.fromRow(generated.toRow(value))).isEqualTo(value);
  }
}
