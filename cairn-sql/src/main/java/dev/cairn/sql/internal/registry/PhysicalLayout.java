package dev.cairn.sql.internal.registry;

import dev.cairn.core.StoreUrl;
import dev.cairn.sql.Database;
import dev.cairn.sql.DatabaseConfig;
import dev.cairn.sql.registry.DatabasesConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Where a logical database lives: a SQLite file, a PostgreSQL schema (the connection's {@code currentSchema}) or
 * a MariaDB/MySQL database. Physical names are the configured prefix plus the logical name; both are checked
 * against {@code [a-z][a-z0-9_]*}, and are quoted as well when put in DDL.
 */
final class PhysicalLayout {
  private final DatabasesConfig config;

  PhysicalLayout(DatabasesConfig config) {
    this.config = config;
  }

  boolean isSqlite() {
    return config.url().kind() == StoreUrl.Kind.SQLITE;
  }

  String physicalName(String logical) {
    return config.prefix() + logical;
  }

  /** Creates the schema / database / data directory when missing. */
  void create(String logical) {
    String physical = physicalName(logical);
    switch (config.url().kind()) {
      case SQLITE -> {
        try {
          Files.createDirectories(config.dataDir());
        } catch (IOException e) {
          throw new UncheckedIOException("cannot create data directory " + config.dataDir(), e);
        }
      }
      case POSTGRESQL -> runOnServer("create schema if not exists \"" + physical + "\"");
      default -> runOnServer("create database if not exists `" + physical + "`");
    }
  }

  private void runOnServer(String ddl) {
    try (Database admin = Database.open(config(config.url(), 1))) {
      admin.execute(ddl).orElseThrow();
    }
  }

  /** Settings for one logical database (or the server's own database, for administration). */
  static DatabaseConfig config(StoreUrl url, int poolSize) {
    return DatabaseConfig.of(url, poolSize);
  }

  /** The URL Cairn opens for a logical database. */
  StoreUrl url(String logical) {
    String physical = physicalName(logical);
    StoreUrl base = config.url();
    return switch (base.kind()) {
      case SQLITE -> base.withPath(config.dataDir().resolve(physical + ".db").toString());
      case POSTGRESQL -> {
        Map<String, String> params = new LinkedHashMap<>(base.params());
        params.put("currentSchema", physical);
        yield new StoreUrl(base.kind(), base.tls(), base.user(), base.password(), base.hosts(), base.path(), params);
      }
      default -> base.withPath(physical);
    };
  }

  /** The JDBC URL for Flyway (credentials are passed apart from it). */
  static String jdbcUrl(StoreUrl url) {
    if (url.kind() == StoreUrl.Kind.SQLITE) {
      return "jdbc:sqlite:" + Path.of(url.path());
    }
    StringBuilder jdbc = new StringBuilder(url.kind() == StoreUrl.Kind.POSTGRESQL ? "jdbc:postgresql://"
        : "jdbc:mariadb://");
    StringJoiner hosts = new StringJoiner(",");
    url.hosts().forEach(host -> hosts.add(host.toString()));
    jdbc.append(hosts).append('/').append(url.path());
    StringJoiner params = new StringJoiner("&", "?", "").setEmptyValue("");
    url.params().forEach((key, value) -> params.add(encode(key) + "=" + encode(value)));
    return jdbc.append(params).toString();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
