package dev.cairn.vector.internal.pg;

import dev.cairn.core.Result;
import dev.cairn.core.StoreUrl;
import dev.cairn.core.UnavailableException;
import dev.cairn.vector.CollectionSpec;
import dev.cairn.vector.IndexParams;
import dev.cairn.vector.Metric;
import dev.cairn.vector.internal.CollectionEngine;
import dev.cairn.vector.internal.Failures;
import dev.cairn.vector.internal.StoreEngine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The pgvector store: a catalog table {@code cairn_vector_collections} and, per collection, a table
 * {@code cairn_vec_<name>} ({@code id text primary key, embedding vector(n), metadata jsonb}) with an HNSW index
 * using the metric's operator class and a GIN index on the metadata. Collection names are validated
 * ({@code [a-z][a-z0-9_]*}) before they reach DDL, which cannot bind identifiers.
 */
public final class PgVectorStore implements StoreEngine {
  /** pgvector indexes vectors of up to 2,000 dimensions with HNSW. */
  private static final int MAX_DIMENSION = 2000;
  private static final String CATALOG = "cairn_vector_collections";

  private final PgAccess access;

  private PgVectorStore(PgAccess access) {
    this.access = access;
  }

  public static PgVectorStore open(StoreUrl url) {
    PgAccess access = PgAccess.open(url);
    try {
      Result<Void> ready = access.run("preparing the vector store", null, PgVectorStore::prepare);
      if (ready instanceof Result.Failure<Void> failure) {
        throw failure.toException();
      }
      return new PgVectorStore(access);
    } catch (RuntimeException e) {
      access.close();
      throw e;
    }
  }

  private static Result<Void> prepare(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      // Asked before CREATE EXTENSION: its failure on a server without pgvector (SQLSTATE 0A000) makes HikariCP
      // close the connection as broken, so nothing could be asked after it.
      if (!exists(connection, "SELECT 1 FROM pg_available_extensions WHERE name = 'vector'")) {
        throw extensionMissing(connection, "no vector.control in the server's extension directory");
      }
      try {
        statement.execute("CREATE EXTENSION IF NOT EXISTS vector");
      } catch (SQLException e) {
        if (connection.isClosed() || !exists(connection, "SELECT 1 FROM pg_extension WHERE extname = 'vector'")) {
          throw extensionMissing(connection, PgAccess.firstLine(e));
        }
      }
      try {
        statement.execute("CREATE TABLE IF NOT EXISTS " + CATALOG + " (name text PRIMARY KEY,"
            + " dimension int NOT NULL, metric text NOT NULL, m int NOT NULL, ef_construction int NOT NULL)");
      } catch (SQLException e) {
        if (!"23505".equals(e.getSQLState())) { // a concurrent opener created it first
          throw e;
        }
      }
    }
    return Result.ok(null);
  }

  private static boolean exists(Connection connection, String query) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
      return rows.next();
    }
  }

  /** VECTOR_EXTENSION_MISSING, one line naming what to install for this server's major version. */
  private static UnavailableException extensionMissing(Connection connection, String why) {
    String major = "<major>";
    try {
      major = String.valueOf(connection.getMetaData().getDatabaseMajorVersion());
    } catch (SQLException e) {
      // the version only sharpens the advice; the message stands without it
    }
    return new UnavailableException("VECTOR_EXTENSION_MISSING", "PostgreSQL " + major + " has no pgvector extension ("
        + why + "); install pgvector for PostgreSQL " + major + " on the server (package postgresql-" + major
        + "-pgvector, or built from github.com/pgvector/pgvector) or use the embedded store vector:data/vectors");
  }

  @Override
  public String name() {
    return "pgvector";
  }

  @Override
  public int maxDimension() {
    return MAX_DIMENSION;
  }

  @Override
  public Result<CollectionEngine> create(CollectionSpec spec) {
    String table = PgCollection.table(spec.name());
    return access.inTransaction("creating vector collection '" + spec.name() + "'", null, connection -> {
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + CATALOG
          + " (name, dimension, metric, m, ef_construction) VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING")) {
        insert.setString(1, spec.name());
        insert.setInt(2, spec.dimension());
        insert.setString(3, spec.metric().wireName());
        insert.setInt(4, spec.index().m());
        insert.setInt(5, spec.index().efConstruction());
        if (insert.executeUpdate() == 0) {
          return Failures.collectionExists(spec.name());
        }
      }
      try (Statement ddl = connection.createStatement()) {
        ddl.execute("DROP TABLE IF EXISTS " + table);
        ddl.execute("CREATE TABLE " + table + " (id text PRIMARY KEY, embedding vector(" + spec.dimension()
            + ") NOT NULL, metadata jsonb NOT NULL DEFAULT '{}')");
        ddl.execute("CREATE INDEX " + table + "_h ON " + table + " USING hnsw (embedding "
            + operatorClass(spec.metric()) + ") WITH (m = " + spec.index().m() + ", ef_construction = "
            + spec.index().efConstruction() + ")");
        ddl.execute("CREATE INDEX " + table + "_g ON " + table + " USING gin (metadata jsonb_path_ops)");
      }
      return Result.ok(new PgCollection(spec, access));
    });
  }

  static String operatorClass(Metric metric) {
    return switch (metric) {
      case COSINE -> "vector_cosine_ops";
      case L2 -> "vector_l2_ops";
      case INNER_PRODUCT -> "vector_ip_ops";
    };
  }

  @Override
  public Result<CollectionEngine> find(String name) {
    return access.run("finding vector collection '" + name + "'", null, connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT name, dimension, metric, m,"
          + " ef_construction FROM " + CATALOG + " WHERE name = ?")) {
        select.setString(1, name);
        try (ResultSet rows = select.executeQuery()) {
          return rows.next() ? Result.ok(new PgCollection(spec(rows), access)) : Failures.collectionNotFound(name);
        }
      }
    });
  }

  private static CollectionSpec spec(ResultSet row) throws SQLException {
    return new CollectionSpec(row.getString(1), row.getInt(2), Metric.parse(row.getString(3)).orElseThrow(),
        new IndexParams(row.getInt(4), row.getInt(5)));
  }

  @Override
  public Result<List<CollectionSpec>> list() {
    return access.run("listing vector collections", null, connection -> {
      List<CollectionSpec> specs = new ArrayList<>();
      try (Statement select = connection.createStatement();
          ResultSet rows = select.executeQuery("SELECT name, dimension, metric, m, ef_construction FROM "
              + CATALOG + " ORDER BY name")) {
        while (rows.next()) {
          specs.add(spec(rows));
        }
      }
      return Result.ok(List.copyOf(specs));
    });
  }

  @Override
  public Result<Boolean> drop(String name) {
    return access.inTransaction("dropping vector collection '" + name + "'", null, connection -> {
      try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + CATALOG + " WHERE name = ?");
          Statement ddl = connection.createStatement()) {
        delete.setString(1, name);
        boolean existed = delete.executeUpdate() > 0;
        ddl.execute("DROP TABLE IF EXISTS " + PgCollection.table(name));
        return Result.ok(existed);
      }
    });
  }

  @Override
  public void close() {
    access.close();
  }
}
