package dev.cairn.sql.internal;

import dev.cairn.core.InvalidInputException;
import dev.cairn.sql.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lexical work on trusted SQL text that must not look inside literals: turning {@code :name} parameters into
 * {@code ?} and splitting a script into statements. Both skip string literals ({@code '...'} with doubled quotes,
 * and backslash escapes on MariaDB/MySQL), quoted identifiers ({@code "..."}, {@code `...`}), line and block
 * comments and PostgreSQL dollar quoting ({@code $$...$$}, {@code $tag$...$tag$}).
 */
final class SqlText {
  private static final List<String> CLOSED_WITHOUT_LEVEL = List.of("IF", "LOOP", "WHILE", "REPEAT");
  private SqlText() {}

  /** SQL with {@code ?} placeholders and the parameter names in placeholder order (a name may repeat). */
  record Named(String sql, List<String> names) {}

  /**
   * Replaces each {@code :name} outside literals and comments with {@code ?}. PostgreSQL casts ({@code ::type}) and
   * MySQL assignments ({@code :=}) are left alone.
   */
  static Named named(String sql, Dialect dialect) {
    StringBuilder out = new StringBuilder(sql.length());
    List<String> names = new ArrayList<>();
    int i = 0;
    while (i < sql.length()) {
      int skipped = skipLiteral(sql, i, dialect);
      if (skipped > i) {
        out.append(sql, i, skipped);
        i = skipped;
        continue;
      }
      char c = sql.charAt(i);
      if (c == ':' && i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
        out.append("::");
        i += 2;
        continue;
      }
      boolean afterColon = i > 0 && sql.charAt(i - 1) == ':';
      if (c == ':' && !afterColon && i + 1 < sql.length() && Character.isJavaIdentifierStart(sql.charAt(i + 1))
          && sql.charAt(i + 1) != '$') {
        int end = i + 1;
        while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end)) && sql.charAt(end) != '$') {
          end++;
        }
        names.add(sql.substring(i + 1, end));
        out.append('?');
        i = end;
        continue;
      }
      out.append(c);
      i++;
    }
    return new Named(out.toString(), List.copyOf(names));
  }

  /** The values for {@code named}'s placeholders from {@code params}; a missing name is INVALID. */
  static List<Object> bind(Named named, Map<String, ?> params) {
    List<Object> values = new ArrayList<>(named.names().size());
    for (String name : named.names()) {
      if (!params.containsKey(name)) {
        throw new InvalidInputException("MISSING_PARAMETER", "no value for parameter :" + name + "; given "
            + params.keySet(), Map.of("parameter", name), null);
      }
      values.add(params.get(name));
    }
    return values;
  }

  /**
   * The statements of a script, trimmed, empty ones dropped. A statement ends at a {@code ;} outside literals,
   * comments and the {@code BEGIN ... END} body of a {@code CREATE TRIGGER/PROCEDURE/FUNCTION} (SQLite triggers,
   * MariaDB routines); {@code CASE ... END} inside such a body is counted so its {@code END} does not close it.
   */
  static List<String> statements(String script, Dialect dialect) {
    List<String> statements = new ArrayList<>();
    int start = 0;
    int depth = 0;
    int i = 0;
    while (i < script.length()) {
      int skipped = skipLiteral(script, i, dialect);
      if (skipped > i) {
        i = skipped;
        continue;
      }
      char c = script.charAt(i);
      if (Character.isLetter(c) && (i == 0 || !isWordPart(script.charAt(i - 1)))) {
        int end = i;
        while (end < script.length() && isWordPart(script.charAt(end))) {
          end++;
        }
        String word = script.substring(i, end).toUpperCase(Locale.ROOT);
        if (depth > 0 && (word.equals("CASE") || word.equals("BEGIN"))) {
          depth++;
        } else if (depth > 0 && word.equals("END")) {
          // MariaDB closes IF, LOOP, WHILE and REPEAT with END IF/...: those never opened a level; END CASE did.
          String next = nextWord(script, end);
          if (!CLOSED_WITHOUT_LEVEL.contains(next)) {
            depth--;
          }
          if (CLOSED_WITHOUT_LEVEL.contains(next) || next.equals("CASE")) {
            end = script.toUpperCase(Locale.ROOT).indexOf(next, end) + next.length();
          }
        } else if (depth == 0 && word.equals("BEGIN") && isRoutine(script.substring(start, i))) {
          depth = 1;
        }
        i = end;
        continue;
      }
      if (c == ';' && depth == 0) {
        add(statements, script.substring(start, i));
        start = i + 1;
      }
      i++;
    }
    add(statements, script.substring(start));
    return statements;
  }

  private static String nextWord(String script, int from) {
    int i = from;
    while (i < script.length() && Character.isWhitespace(script.charAt(i))) {
      i++;
    }
    int end = i;
    while (end < script.length() && isWordPart(script.charAt(end))) {
      end++;
    }
    return script.substring(i, end).toUpperCase(Locale.ROOT);
  }

  private static boolean isRoutine(String head) {
    String text = stripComments(head).strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
    return text.startsWith("CREATE") && text.matches("(?s)CREATE (OR REPLACE )?(DEFINER ?= ?\\S+ )?"
        + "(TEMP |TEMPORARY )?(TRIGGER|PROCEDURE|FUNCTION|EVENT)\\b.*");
  }

  private static String stripComments(String text) {
    return text.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ");
  }

  private static void add(List<String> statements, String statement) {
    String trimmed = statement.strip();
    if (!stripComments(trimmed).isBlank()) {
      statements.add(trimmed);
    }
  }

  private static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /** The index after the literal or comment starting at {@code i}, or {@code i} when none starts there. */
  private static int skipLiteral(String sql, int i, Dialect dialect) {
    char c = sql.charAt(i);
    boolean mysql = dialect == Dialect.MARIADB || dialect == Dialect.MYSQL;
    switch (c) {
      case '\'', '"', '`' -> {
        if (c == '`' && !mysql) {
          return i;
        }
        int j = i + 1;
        while (j < sql.length()) {
          char d = sql.charAt(j);
          if (d == '\\' && mysql && c != '`') {
            j += 2;
            continue;
          }
          if (d == c) {
            if (j + 1 < sql.length() && sql.charAt(j + 1) == c) {
              j += 2;
              continue;
            }
            return j + 1;
          }
          j++;
        }
        return sql.length();
      }
      case '-' -> {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
          int end = sql.indexOf('\n', i);
          return end < 0 ? sql.length() : end + 1;
        }
        return i;
      }
      case '#' -> {
        if (!mysql) {
          return i;
        }
        int end = sql.indexOf('\n', i);
        return end < 0 ? sql.length() : end + 1;
      }
      case '/' -> {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == '*') {
          int end = sql.indexOf("*/", i + 2);
          return end < 0 ? sql.length() : end + 2;
        }
        return i;
      }
      case '$' -> {
        if (dialect != Dialect.POSTGRESQL || (i > 0 && isWordPart(sql.charAt(i - 1)))) {
          return i;
        }
        int close = i + 1;
        while (close < sql.length() && isWordPart(sql.charAt(close)) && !Character.isDigit(sql.charAt(i + 1))) {
          close++;
        }
        if (close >= sql.length() || sql.charAt(close) != '$') {
          return i; // $1 (a positional parameter) or a lone $
        }
        String tag = sql.substring(i, close + 1);
        int end = sql.indexOf(tag, close + 1);
        return end < 0 ? sql.length() : end + tag.length();
      }
      default -> {
        return i;
      }
    }
  }
}
