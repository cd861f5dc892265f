/**
 * Subjects: named entities with properties on memory, Redis (KRules' layout) or SQL storage. The storages live in
 * {@code dev.cairn.subject.internal...}, not exported; the SQL storage's row record is opened to
 * {@code dev.cairn.sql}, which maps it by reflection.
 */
@SuppressWarnings("requires-automatic") // Lettuce has no module descriptor; nothing to fix here
module dev.cairn.subject {
  requires transitive dev.cairn.kv;
  requires transitive dev.cairn.sql;
  // Used through dev.cairn.kv.spi.RedisAccess; the name is derived from the jar's file name (lettuce-core-N.jar).
  requires lettuce.core;

  exports dev.cairn.subject;

  opens dev.cairn.subject.internal.sql to dev.cairn.sql;
}
