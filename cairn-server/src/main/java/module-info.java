/**
 * The admin HTTP API as a library: {@code AdminServer} over a database, a key-value store, subjects and named
 * databases. The routes live in {@code dev.cairn.server.http.internal}, not exported; it is opened to Jackson, which
 * writes its response records.
 */
@SuppressWarnings("requires-automatic") // Micrometer has no module descriptor; nothing to fix here
module dev.cairn.server {
  requires transitive dev.cairn.sql;
  requires transitive dev.cairn.kv;
  requires transitive dev.cairn.subject;
  requires transitive dev.cairn.vector;
  requires io.javalin;
  requires micrometer.core;
  requires micrometer.registry.prometheus;
  requires org.slf4j;

  exports dev.cairn.server.http;

  opens dev.cairn.server.http.internal to com.fasterxml.jackson.databind;
}
