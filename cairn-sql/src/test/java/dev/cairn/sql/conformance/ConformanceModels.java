package dev.cairn.sql.conformance;

import dev.cairn.sql.Column;
import dev.cairn.sql.Id;
import dev.cairn.sql.TableName;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
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
}
