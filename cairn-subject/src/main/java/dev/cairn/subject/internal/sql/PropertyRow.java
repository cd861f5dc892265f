package dev.cairn.subject.internal.sql;

import dev.cairn.sql.Column;
import dev.cairn.sql.Id;
import dev.cairn.sql.TableName;
import dev.cairn.subject.PropertyKind;

/**
 * One property of one subject in the SQL storage's table. The key {@code id} joins kind, subject and property
 * unambiguously (the subject's length is spelled out, so no separator character is reserved); {@code subject} is
 * indexed for loading and deleting a whole subject. {@code value} is the JSON text Redis would hold.
 *
 * @param id kind letter + subject length + ':' + subject + property
 * @param kind {@code p} or {@code e}, as the Redis field prefix
 */
@TableName("cairn_subject_properties")
public record PropertyRow(
    @Id(generated = false) @Column(length = 520) String id,
    @Column(length = 255, index = true, nullable = false) String subject,
    @Column(length = 1, nullable = false) String kind,
    @Column(length = 255, nullable = false) String property,
    String value) {
  /**
   * The longest subject or property name, in characters: past KRules' 250 and within MariaDB's index limit (3072
   * bytes of utf8mb4, 4 bytes a character) for the key {@code id} (1 + up to 3 digits + 1 + 255 + 255 characters).
   * A table created before with 200-character columns keeps them: widen its columns to accept longer names.
   */
  public static final int MAX_NAME_LENGTH = 255;

  /** The key of a property. */
  public static String id(String subject, PropertyKind kind, String property) {
    return kind.prefix() + Integer.toString(subject.length()) + ':' + subject + property;
  }

  static PropertyRow of(String subject, PropertyKind kind, String property, String json) {
    return new PropertyRow(id(subject, kind, property), subject, String.valueOf(kind.prefix()), property, json);
  }
}
