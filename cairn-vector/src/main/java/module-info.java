/**
 * The vector store: {@code VectorStore} and its collections on an embedded Lucene HNSW index or on PostgreSQL with
 * pgvector. Backends live in {@code dev.cairn.vector.internal...}, which is not exported. Metadata filters are
 * {@code dev.cairn.sql.Filter}s, so the SQL module comes with this one.
 */
@SuppressWarnings("requires-automatic") // HikariCP's name is its Automatic-Module-Name; nothing to fix here
module dev.cairn.vector {
  requires transitive dev.cairn.core;
  requires transitive dev.cairn.sql;
  requires java.sql;
  requires org.apache.lucene.core;
  requires com.zaxxer.hikari;

  exports dev.cairn.vector;
}
