package dev.cairn.bench.vector;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.core.Json;
import dev.cairn.core.StoreUrl;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * pgvector through plain JDBC with the SQL Cairn issues (same table layout, HNSW and GIN indexes, batches, search
 * transaction with {@code SET LOCAL hnsw.ef_search} and iterative scans), minus Cairn's validation and result
 * mapping. A filtered search uses the same technique as Cairn, so both are compared at equal recall: it first
 * counts the matching rows up to {@value #EXACT_FACTOR} x ef_search and, when no more match, compares them all
 * (index scans off) instead of walking the graph, where pgvector's iterative scan finds few of the matching rows
 * when they lie far from the query (without it, an earlier run measured recall@10 0.31 here against Cairn's 1.0).
 */
final class RawPgvectorSide implements VectorSide {
  static final String TABLE = "bench_raw_vector";
  private static final int EXACT_FACTOR = 10;
  private final HikariDataSource pool;
  private final VectorBenchOptions options;
  private final String filterJson;

  RawPgvectorSide(VectorBenchOptions options) {
    this.options = options;
    this.pool = pool(StoreUrl.parse(options.postgresUrl()), options.threads());
    List<String> any = new ArrayList<>();
    BenchData.FILTER_CLUSTERS.forEach(cluster -> any.add(Json.write(Map.of("cluster", cluster))));
    this.filterJson = String.join("\u0000", any);
  }

  static HikariDataSource pool(StoreUrl url, int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:postgresql://" + url.host() + "/" + url.path() + "?reWriteBatchedInserts=true");
    if (url.user() != null) {
      config.setUsername(url.user());
    }
    if (url.password() != null) {
      config.setPassword(url.password());
    }
    config.setMaximumPoolSize(size);
    return new HikariDataSource(config);
  }

  @Override
  public String name() {
    return "pgvector_jdbc";
  }

  @Override
  public void build(BenchData data, BuildProgress progress) throws SQLException {
    try (Connection connection = pool.getConnection(); Statement ddl = connection.createStatement()) {
      ddl.execute("CREATE EXTENSION IF NOT EXISTS vector");
      ddl.execute("DROP TABLE IF EXISTS " + TABLE);
      ddl.execute("CREATE TABLE " + TABLE + " (id text PRIMARY KEY, embedding vector(" + options.dimension()
          + ") NOT NULL, metadata jsonb NOT NULL DEFAULT '{}')");
      ddl.execute("CREATE INDEX " + TABLE + "_h ON " + TABLE + " USING hnsw (embedding vector_cosine_ops) WITH (m = "
          + options.m() + ", ef_construction = " + options.efConstruction() + ")");
      ddl.execute("CREATE INDEX " + TABLE + "_g ON " + TABLE + " USING gin (metadata jsonb_path_ops)");
      connection.setAutoCommit(false);
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
          + " (id, embedding, metadata) VALUES (?, ?::vector, ?::jsonb) ON CONFLICT (id) DO UPDATE"
          + " SET embedding = EXCLUDED.embedding, metadata = EXCLUDED.metadata")) {
        for (int i = 0; i < data.vectors.length; i++) {
          insert.setString(1, "v" + i);
          insert.setString(2, text(data.vectors[i]));
          insert.setString(3, Json.write(Map.of("cluster", (long) data.clusters[i])));
          insert.addBatch();
          if ((i + 1) % CairnSide.BATCH == 0 || i == data.vectors.length - 1) {
            insert.executeBatch();
            connection.commit();
            progress.loaded(i + 1);
          }
        }
      }
      connection.setAutoCommit(true);
    }
  }

  static String text(float[] vector) {
    StringBuilder out = new StringBuilder(vector.length * 10).append('[');
    for (int i = 0; i < vector.length; i++) {
      out.append(i == 0 ? "" : ",").append(vector[i]);
    }
    return out.append(']').toString();
  }

  @Override
  public List<Integer> search(float[] query, int k, int efSearch, boolean filtered) throws SQLException {
    String[] clusters = filterJson.split("\u0000");
    StringBuilder where = new StringBuilder();
    if (filtered) {
      where.append(" WHERE (");
      for (int i = 0; i < clusters.length; i++) {
        where.append(i == 0 ? "" : " or ").append("metadata @> ?::jsonb");
      }
      where.append(')');
    }
    int candidates = Math.max(k, efSearch);
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      boolean exact = filtered && fewMatch(connection, where.toString(), clusters, EXACT_FACTOR * candidates);
      try (Statement settings = connection.createStatement()) {
        settings.execute("SET LOCAL hnsw.ef_search = " + candidates);
        settings.execute("SET LOCAL hnsw.iterative_scan = strict_order");
        if (exact) {
          settings.execute("SET LOCAL enable_indexscan = off");
        }
      }
      List<Integer> ids = new ArrayList<>(k);
      try (PreparedStatement select = connection.prepareStatement("SELECT id, metadata::text, embedding <=> "
          + "?::vector AS distance FROM " + TABLE + where + " ORDER BY distance LIMIT ?")) {
        int next = 1;
        select.setString(next++, text(query));
        if (filtered) {
          for (String cluster : clusters) {
            select.setString(next++, cluster);
          }
        }
        select.setInt(next, k);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            ids.add(Integer.parseInt(rows.getString(1).substring(1)));
          }
        }
      }
      connection.commit();
      connection.setAutoCommit(true);
      return ids;
    }
  }

  private static boolean fewMatch(Connection connection, String where, String[] clusters, int limit)
      throws SQLException {
    try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM (SELECT 1 FROM " + TABLE
        + where + " LIMIT " + (limit + 1) + ") matching")) {
      for (int i = 0; i < clusters.length; i++) {
        count.setString(i + 1, clusters[i]);
      }
      try (ResultSet row = count.executeQuery()) {
        row.next();
        return row.getInt(1) <= limit;
      }
    }
  }

  @Override
  public double bytesPerVector(int count) throws SQLException {
    return (double) relationBytes(pool, TABLE) / count;
  }

  static long relationBytes(HikariDataSource pool, String table) throws SQLException {
    try (Connection connection = pool.getConnection();
        PreparedStatement size = connection.prepareStatement("SELECT pg_total_relation_size(?::regclass)")) {
      size.setString(1, table);
      try (ResultSet row = size.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  @Override
  public void close() throws SQLException {
    try (Connection connection = pool.getConnection(); Statement ddl = connection.createStatement()) {
      ddl.execute("DROP TABLE IF EXISTS " + TABLE);
    } finally {
      pool.close();
    }
  }
}
