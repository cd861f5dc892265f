package dev.cairn.server.http.internal;

import java.util.Locale;
import java.util.Set;

/**
 * Statements the SQL console refuses before they reach the database: those that change the session or the
 * transaction rather than data ({@link #SESSION_WORDS}, by first word). The read-only transaction is what keeps
 * data safe, and writes are left to the database to refuse; but {@code SET SESSION ...} or {@code USE other}
 * (MariaDB) are allowed in a read-only transaction, are not undone by its rollback, and would stay on the pooled
 * connection, and {@code COMMIT}/{@code BEGIN} would end or replace the read-only transaction. Leading blanks,
 * comments and parentheses are skipped; a MariaDB executable comment ({@code /*! ... * /}) is not a comment.
 */
final class ConsoleQueries {
  /** First words of statements about the session or the transaction, not data. */
  static final Set<String> SESSION_WORDS = Set.of("SET", "RESET", "USE", "BEGIN", "START", "COMMIT", "END",
      "ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE", "LOCK", "UNLOCK", "PREPARE", "EXECUTE", "DEALLOCATE", "DISCARD",
      "LISTEN", "UNLISTEN", "HANDLER", "FLUSH", "KILL", "PRAGMA", "ATTACH", "DETACH");

  private ConsoleQueries() {}

  /** The statement's first word in upper case, or "" when it has none (or starts with an executable comment). */
  static String firstWord(String sql) {
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c) || c == '(') {
        i++;
      } else if (sql.startsWith("--", i) || c == '#') {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? sql.length() : end + 1;
      } else if (sql.startsWith("/*", i) && !sql.startsWith("/*!", i) && !sql.startsWith("/*M!", i)) {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? sql.length() : end + 2;
      } else {
        break;
      }
    }
    int end = i;
    while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
      end++;
    }
    return sql.substring(i, end).toUpperCase(Locale.ROOT);
  }

  /** Whether {@code sql} is about the session: its first word is in {@link #SESSION_WORDS}, or it has none. */
  static boolean changesSession(String sql) {
    String word = firstWord(sql);
    return word.isEmpty() || SESSION_WORDS.contains(word);
  }
}
