package dev.cairn.subject;

/** The two kinds of subject properties, with the field prefix KRules gives them in Redis. */
public enum PropertyKind {
  /** An ordinary property; Redis field {@code p<name>}. Changes are reported to listeners. */
  PROPERTY('p'),
  /** An extended property (metadata such as a last login); Redis field {@code e<name>}. No events. */
  EXTENDED('e');

  private final char prefix;

  PropertyKind(char prefix) {
    this.prefix = prefix;
  }

  /** The one-letter prefix of the Redis hash field. */
  public char prefix() {
    return prefix;
  }

  /** The Redis hash field (and SQL kind) of a property of this kind: {@code p} or {@code e} + name. */
  public String field(String name) {
    return prefix + name;
  }
}
