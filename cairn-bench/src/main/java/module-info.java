/**
 * The {@code cairn bench} workloads, measuring Cairn against named peers (raw JDBC, raw Lettuce, Jedis, Redisson)
 * and under faults. Its records are mapped by {@code dev.cairn.sql} through reflection, so their packages are opened
 * to it. Reads {@code dev.cairn.kv.spi} (raw Lettuce commands on Cairn's own connection) by qualified export.
 */
@SuppressWarnings("requires-automatic") // Lettuce, Jedis, commons-pool and Redisson have no module descriptor
module dev.cairn.bench {
  requires dev.cairn.server;
  requires java.management;
  requires jdk.management; // com.sun.management.ThreadMXBean: the kv bench's allocation per operation
  requires java.net.http;
  requires lettuce.core;
  // the raw-Lettuce peer with flush consolidation, as Cairn's connection has it
  requires io.netty.transport;
  requires io.netty.handler;
  requires redis.clients.jedis;
  requires org.apache.commons.pool2;
  requires redisson;
  requires org.xerial.sqlitejdbc;
  // the vector benchmark's raw peers: Lucene with the same HNSW parameters, pgvector over its own pool
  requires org.apache.lucene.core;
  requires com.zaxxer.hikari;
  requires java.sql;

  exports dev.cairn.bench;
  exports dev.cairn.bench.faults;
  exports dev.cairn.bench.http;
  exports dev.cairn.bench.kv;
  exports dev.cairn.bench.subject;
  exports dev.cairn.bench.vector;

  opens dev.cairn.bench.http to dev.cairn.sql;
  opens dev.cairn.bench.internal to dev.cairn.sql;
}
