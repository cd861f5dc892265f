package dev.cairn.server.http;

import dev.cairn.core.Json;
import dev.cairn.sql.Database;
import dev.cairn.sql.Query;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** A SHA-256 of every table's rows in key order, read through the library (not through the API under test). */
final class TableChecksums {
  private TableChecksums() {}

  static Map<String, String> of(Database database) {
    Map<String, String> sums = new TreeMap<>();
    for (String table : database.schema().tables().orElseThrow()) {
      var rows = database.rows(table).query(Query.all().limit(1000)).orElseThrow().items();
      sums.put(table, sha256(Json.write(rows)));
    }
    return sums;
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
