package dev.cairn.subject;

import java.util.Objects;

/**
 * What a set did: the value now held and the value held before.
 *
 * @param value the new value (a JSON-shaped value, see {@link Subject}); may be {@code null} (JSON null)
 * @param previous the value before, or {@code null} when the property was absent or held JSON null
 * @param existed whether the property existed before the write
 */
public record Change(Object value, Object previous, boolean existed) {

  /** True when the write changed nothing: the property existed with an equal value. */
  public boolean unchanged() {
    return existed && Objects.equals(value, previous);
  }
}
