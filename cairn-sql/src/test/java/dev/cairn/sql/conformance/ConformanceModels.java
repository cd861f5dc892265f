package dev.cairn.sql.conformance;

import dev.cairn.sql.Column;
import dev.cairn.sql.Id;
import dev.cairn.sql.TableName;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The record types {@link DatabaseConformance} stores. Public because the implementation maps them reflectively. */
public final class ConformanceModels {
  private ConformanceModels() {}

  /** Table {@code users}: generated long key, a unique and an indexed column, a timestamp. */
  public record User(
      @Id Long id,
      String name,
      @Column(unique = true, length = 100) String email,
      @Column(index = true) int age,
      Instant createdAt) {

    /** The creation time {@link #of} gives every user. */
    public static final Instant CREATED = Instant.parse("2024-01-02T03:04:05.678Z");

    public static User of(String name, String email, int age) {
      return new User(null, name, email, age, CREATED);
    }
  }

  /** Table {@code tags}: an assigned string key. */
  public record Tag(@Id(generated = false) String code, @Column(nullable = false) String label) {}

  /** Table {@code products}: the rows the query tests filter, sort and page. */
  public record Product(@Id Long id, String name, String category, int price, Integer stock) {}

  /** Table {@code counters}: a primitive generated key (0 means "generate") and a renamed column. */
  public record Counter(@Id long id, @Column(name = "label_text") String label, @Column(json = true) String raw) {}

  /** Only named, never created: the default table-name rules. */
  public record OrderLine(@Id Long id) {}

  /** Only named, never created: the default table-name rules. */
  public record Category(@Id Long id) {}

  /** Only named, never created: the default table-name rules. */
  public record Box(@Id Long id) {}

  public enum Color { RED, GREEN, BLUE }

  /** A nested record, stored as JSON inside {@link TypedValues}. */
  public record Address(String street, List<Integer> codes) {}

  /** Table {@code typed_values}: every mapped type, a generated UUID key and JSON columns. */
  @TableName("typed_values")
  public record TypedValues(
      @Id UUID id,
      Instant at,
      LocalDate day,
      LocalDateTime local,
      BigDecimal amount,
      byte[] data,
      Color color,
      boolean active,
      Boolean maybe,
      long big,
      double ratio,
      String text,
      List<String> labels,
      Map<String, Integer> scores,
      Address address) {}

  public enum Level { LOW, HIGH }

  /** A nested record, stored as JSON inside {@link Person}. */
  public record Badge(String label, int weight) {}

  /**
   * Table {@code persons}: a record as an application writes it, every mapped type in one row, a unique and an
   * indexed column, a JSON list and an enum.
   */
  public record Person(@Id Long id, String name, @Column(unique = true, length = 120) String email,
      @Column(index = true) int age, Instant createdAt, LocalDate birthday, LocalDateTime localTime,
      BigDecimal balance, byte[] photo, Level level, boolean active, List<Badge> badges, UUID token) {

    /** A person with every column set; the email follows the name, the creation time the age. */
    public static Person of(String name, int age) {
      return new Person(null, name, name.toLowerCase(Locale.ROOT) + "@example.com", age,
          Instant.parse("2024-05-06T07:08:09.123456Z").plusSeconds(age), LocalDate.of(1990, 1, 2),
          LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6000), new BigDecimal("12.5"), new byte[] {1, 2, 3}, Level.HIGH, true,
          List.of(new Badge("a", 1)), UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
    }

    /** A person with only the name, email and age set. */
    public static Person bare(String name, String email, int age) {
      return new Person(null, name, email, age, null, null, null, null, null, null, false, null, null);
    }
  }

  /** Table {@code docs}: a generated UUID key and a NOT NULL column. */
  @TableName("docs")
  public record Doc(@Id UUID id, @Column(nullable = false) String title) {}
}
