package dev.cairn.subject;

/**
 * The longest subject and property names a {@link SubjectStorage} holds, in both units a store may count: a name
 * must be at most {@code maxChars} UTF-16 characters and at most {@code maxUtf8Bytes} bytes in UTF-8. Names may be
 * empty (KRules writes and reads an empty property name); subject names may not (see {@link Subjects#get}).
 *
 * @param maxChars the longest name in UTF-16 characters (a SQL column's length)
 * @param maxUtf8Bytes the longest name in UTF-8 bytes (Redis' limit on a key or hash field)
 */
public record NameLimits(int maxChars, long maxUtf8Bytes) {
  /**
   * Redis' own limit: a key or hash field is a string of at most 512 MiB; the field's one-letter kind prefix
   * ({@code p}/{@code e}) takes one byte of it.
   */
  public static final NameLimits REDIS = new NameLimits(Integer.MAX_VALUE, 512L * 1024 * 1024 - 1);

  public NameLimits {
    if (maxChars < 1 || maxUtf8Bytes < 1) {
      throw new IllegalArgumentException("name limits must be positive, got " + maxChars + " chars / "
          + maxUtf8Bytes + " bytes");
    }
  }

  /** The tighter of both limits. */
  public NameLimits tighter(NameLimits other) {
    return new NameLimits(Math.min(maxChars, other.maxChars), Math.min(maxUtf8Bytes, other.maxUtf8Bytes));
  }
}
