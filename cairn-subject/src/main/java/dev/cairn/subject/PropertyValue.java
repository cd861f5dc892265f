package dev.cairn.subject;

/**
 * A property's stored value, which may be JSON null; a missing property has no {@code PropertyValue} at all.
 *
 * @param value the JSON-shaped value (see {@link Subject}), possibly {@code null}
 */
public record PropertyValue(Object value) {}
