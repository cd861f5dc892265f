package dev.cairn.sql.internal;

import dev.cairn.core.Result;
import dev.cairn.core.Status;
import dev.cairn.sql.Dialect;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.sqlite.SQLiteException;

/**
 * Translates SQLExceptions into Failures by SQLState and vendor code. Messages are composed here from the table
 * and column names only: driver messages carry values (MariaDB's "Duplicate entry 'ada@x' ...") and sometimes
 * SQL, so they never reach the caller's message; the driver exception stays the Failure's cause.
 *
 * <p>A lost connection translates to UNAVAILABLE {@code DATABASE_UNAVAILABLE}, which promises that nothing was
 * written: callers that cannot promise that (an auto-commit write or a COMMIT whose answer never came) check
 * {@link #isConnectionLoss} first and report an unknown outcome instead.
 */
final class SqlErrors {
  /** Failure codes of transient conflicts: the whole transaction may be re-run. */
  static final Set<String> TRANSIENT =
      Set.of("DATABASE_BUSY", "SERIALIZATION_FAILURE", "DEADLOCK", "LOCK_WAIT_TIMEOUT");

  /** The server ended the session: PostgreSQL admin shutdown, crash shutdown, cannot connect now. */
  private static final Set<String> SESSION_ENDED_STATES = Set.of("57P01", "57P02", "57P03");
  /** MariaDB/MySQL: connection killed (1927), server has gone away (2006), lost connection during query (2013). */
  private static final Set<Integer> MARIADB_LOST_CONNECTION = Set.of(1927, 2006, 2013);
  /** SQLite primary result codes after which SQLite may have rolled back the whole transaction by itself. */
  private static final Set<Integer> SQLITE_ENDS_TRANSACTION = Set.of(5, 7, 9, 10, 13);

  private static final Pattern SQLITE_COLUMNS = Pattern.compile("constraint failed: ([^()\\]]+)");
  private static final Pattern PG_KEY = Pattern.compile("Key \\(([^)]*)\\)=");
  private static final Pattern MARIA_KEY = Pattern.compile("for key '([^']*)'");
  private static final Pattern MARIA_COLUMN = Pattern.compile("(?:[Cc]olumn|Field) '([^']*)'");

  private final Dialect dialect;
  private final KeyColumns keyColumns;

  /** Resolves a constraint or index name of a table to its columns, for messages. */
  interface KeyColumns {
    List<String> columns(String table, String keyName);
  }

  /** The array columns of a table (name to declared type such as {@code _int4}), as far as they are known. */
  interface ArrayColumns {
    Map<String, String> of(String table);
  }

  private final ArrayColumns arrayColumns;

  SqlErrors(Dialect dialect, KeyColumns keyColumns, ArrayColumns arrayColumns) {
    this.dialect = dialect;
    this.keyColumns = keyColumns;
    this.arrayColumns = arrayColumns;
  }

  /**
   * Whether re-running the failed work may succeed and cannot write twice: a transient conflict, or a connection
   * lost before anything was committed ({@code DATABASE_UNAVAILABLE}).
   */
  static boolean isRetryable(Result<?> result) {
    return result instanceof Result.Failure<?> failure
        && (failure.status() == Status.CONFLICT && TRANSIENT.contains(failure.code())
            || failure.status() == Status.UNAVAILABLE && "DATABASE_UNAVAILABLE".equals(failure.code()));
  }

  /** Whether the failure is a conflict the database resolved by failing this side: a deadlock or serialization failure. */
  static boolean isResolvedConflict(Result.Failure<?> failure) {
    return failure.status() == Status.CONFLICT
        && ("DEADLOCK".equals(failure.code()) || "SERIALIZATION_FAILURE".equals(failure.code()));
  }

  /**
   * Whether {@code e} says the connection broke (network, server shutdown, session killed) rather than the
   * database refusing a statement: a statement or COMMIT in flight then may or may not have taken effect.
   */
  boolean isConnectionLoss(SQLException e) {
    Throwable cause = e;
    for (int depth = 0; cause != null && depth < 10; depth++, cause = cause.getCause()) {
      if (cause instanceof SQLException sql && signalsLostConnection(sql)) {
        return true;
      }
    }
    return false;
  }

  private boolean signalsLostConnection(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.startsWith("08") || SESSION_ENDED_STATES.contains(state)) {
      return true;
    }
    if ((dialect == Dialect.MARIADB || dialect == Dialect.MYSQL)
        && MARIADB_LOST_CONNECTION.contains(e.getErrorCode())) {
      return true;
    }
    return e instanceof SQLNonTransientConnectionException || e instanceof SQLRecoverableException;
  }

  /**
   * Whether the database may have ended the whole open transaction after {@code e} (not just the failed
   * statement): a lost connection, a MariaDB deadlock, SQLite's busy, interrupt, I/O, full and out-of-memory
   * errors. Later statements would then run outside any transaction, so the transaction is treated as aborted.
   * (PostgreSQL refuses such statements by itself, with 25P02.)
   */
  boolean endsTransaction(SQLException e) {
    if (isConnectionLoss(e)) {
      return true;
    }
    return switch (dialect) {
      case SQLITE -> e instanceof SQLiteException sqlite
          && SQLITE_ENDS_TRANSACTION.contains(sqlite.getResultCode().code & 0xff);
      case MARIADB, MYSQL -> e.getErrorCode() == 1213;
      case POSTGRESQL -> false;
    };
  }

  <T> Result<T> translate(SQLException e, String table) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    int vendor = e.getErrorCode();
    Map<String, Object> details = new LinkedHashMap<>();
    if (table != null) {
      details.put("table", table);
    }
    if (!state.isEmpty()) {
      details.put("sqlState", state);
    }
    String where = table == null ? "" : " in table " + table;
    if (e instanceof SQLTransientConnectionException || isConnectionLoss(e)) {
      // The pool could not connect, or the connection broke before COMMIT: nothing was written.
      return failure(Status.UNAVAILABLE, "DATABASE_UNAVAILABLE", "lost or could not get a connection to the database"
          + where + " (SQLState " + (state.isEmpty() ? "none" : state) + "); nothing was written", details, e);
    }
    if (e instanceof SQLTimeoutException) {
      return failure(Status.UNAVAILABLE, "QUERY_TIMEOUT", QUERY_TIMEOUT_TEXT + where, details, e);
    }
    Failure kind = switch (dialect) {
      case SQLITE -> sqlite(e);
      case POSTGRESQL -> "22P02".equals(state) ? badTextRepresentation(e, table) : postgres(e, state);
      case MARIADB, MYSQL -> mariadb(e, vendor, state);
    };
    if (kind == null) {
      kind = standard(e, state);
    }
    if (kind == null) {
      details.put("vendorCode", vendor);
      return failure(Status.ERROR, "SQL_ERROR",
          "database error" + where + " (SQLState " + (state.isEmpty() ? "none" : state) + ", code " + vendor + ")",
          details, e);
    }
    List<String> columns = kind.columns();
    if (!columns.isEmpty()) {
      details.put(columns.size() == 1 ? "column" : "columns", columns.size() == 1 ? columns.getFirst() : columns);
    }
    String columnText = columns.isEmpty() ? "" : (columns.size() == 1 ? " column " : " columns ")
        + String.join(", ", columns);
    return failure(kind.status(), kind.code(), kind.text() + where + columnText, details, e);
  }

  private record Failure(Status status, String code, String text, List<String> columns) {}

  private static final String QUERY_TIMEOUT_TEXT = "statement ran longer than the query timeout and was cancelled";

  private static Failure queryTimeout() {
    return new Failure(Status.UNAVAILABLE, "QUERY_TIMEOUT", QUERY_TIMEOUT_TEXT, List.of());
  }

  private Failure sqlite(SQLException e) {
    if (!(e instanceof SQLiteException sqlite)) {
      return null;
    }
    int extended = sqlite.getResultCode().code;
    String message = String.valueOf(e.getMessage());
    return switch (extended) {
      case 2067, 1555 -> duplicate(sqliteColumns(message));
      case 1299 -> new Failure(Status.INVALID, "NOT_NULL_VIOLATION", "missing required value", sqliteColumns(message));
      case 787 -> new Failure(Status.INVALID, "FOREIGN_KEY_VIOLATION", "foreign key violated", List.of());
      case 275 -> new Failure(Status.INVALID, "CHECK_VIOLATION", "check constraint violated", List.of());
      default -> switch (extended & 0xff) {
        case 5, 6 -> new Failure(Status.CONFLICT, "DATABASE_BUSY", "database is busy or locked", List.of());
        case 8 -> new Failure(Status.INVALID, "READ_ONLY_TRANSACTION", "write refused by a read-only transaction",
            List.of());
        case 9 -> queryTimeout();
        case 18, 20, 25 -> new Failure(Status.INVALID, "INVALID_VALUE", "value does not fit", List.of());
        case 1 -> sqliteGeneric(message);
        default -> null;
      };
    };
  }

  private static Failure sqliteGeneric(String message) {
    if (message.contains("no such table")) {
      return new Failure(Status.NOT_FOUND, "TABLE_NOT_FOUND", "table does not exist", List.of());
    }
    if (message.contains("no such column") || message.contains("has no column named")) {
      return new Failure(Status.INVALID, "COLUMN_NOT_FOUND", "unknown column", List.of());
    }
    return null;
  }

  private static List<String> sqliteColumns(String message) {
    Matcher matcher = SQLITE_COLUMNS.matcher(message);
    if (!matcher.find()) {
      return List.of();
    }
    return java.util.Arrays.stream(matcher.group(1).split(","))
        .map(String::strip)
        .map(qualified -> qualified.substring(qualified.lastIndexOf('.') + 1))
        .toList();
  }

  private Failure postgres(SQLException e, String state) {
    ServerErrorMessage server = e instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
    String column = server == null ? null : server.getColumn();
    List<String> columns = column == null ? List.of() : List.of(column);
    return switch (state) {
      case "23505" -> {
        Matcher key = PG_KEY.matcher(server == null || server.getDetail() == null ? "" : server.getDetail());
        yield duplicate(key.find() ? List.of(key.group(1).split(",\\s*")) : columns);
      }
      case "23502" -> new Failure(Status.INVALID, "NOT_NULL_VIOLATION", "missing required value", columns);
      case "23503" -> new Failure(Status.INVALID, "FOREIGN_KEY_VIOLATION", "foreign key violated", columns);
      case "23514" -> new Failure(Status.INVALID, "CHECK_VIOLATION", "check constraint violated", columns);
      case "40001" -> new Failure(Status.CONFLICT, "SERIALIZATION_FAILURE", "serialization conflict", List.of());
      case "40P01" -> new Failure(Status.CONFLICT, "DEADLOCK", "deadlock detected", List.of());
      case "55P03" -> new Failure(Status.CONFLICT, "LOCK_WAIT_TIMEOUT", "lock not available", List.of());
      case "25P02" -> new Failure(Status.INVALID, "TRANSACTION_ABORTED",
          "an earlier statement of this transaction failed, so it can only roll back", List.of());
      case "25006" -> new Failure(Status.INVALID, "READ_ONLY_TRANSACTION", "write refused by a read-only transaction",
          List.of());
      case "42P01" -> new Failure(Status.NOT_FOUND, "TABLE_NOT_FOUND", "table does not exist", List.of());
      case "42703" -> new Failure(Status.INVALID, "COLUMN_NOT_FOUND", "unknown column", columns);
      case "57014" -> queryTimeout();
      case "42804", "42883" -> typeMismatch(server, columns);
      default -> state.startsWith("22")
          ? new Failure(Status.INVALID, "INVALID_VALUE", "value does not fit its column", columns) : null;
    };
  }

  private static final Pattern PG_INPUT_SYNTAX = Pattern.compile("invalid input syntax for type ([a-z][a-z0-9 ]*)");
  /** PostgreSQL's internal names of array types, by element; others are shown as they are. */
  private static final Map<String, String> PG_ARRAY_TYPES = Map.ofEntries(
      Map.entry("_int2", "smallint"), Map.entry("_int4", "integer"), Map.entry("_int8", "bigint"),
      Map.entry("_float4", "real"), Map.entry("_float8", "double precision"), Map.entry("_numeric", "numeric"),
      Map.entry("_bool", "boolean"), Map.entry("_text", "text"), Map.entry("_varchar", "character varying"),
      Map.entry("_bpchar", "character"), Map.entry("_uuid", "uuid"), Map.entry("_date", "date"),
      Map.entry("_timestamp", "timestamp without time zone"),
      Map.entry("_timestamptz", "timestamp with time zone"), Map.entry("_jsonb", "jsonb"),
      Map.entry("_json", "json"));

  /**
   * PostgreSQL 22P02 (invalid_text_representation): a text could not be read as the column's type. The server names
   * the type and quotes the value, but not the column; for an array column the column is found among the table's
   * array columns by that element type (or as the table's only array column). The value is never shown.
   */
  private Failure badTextRepresentation(SQLException e, String table) {
    ServerErrorMessage server = e instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
    String message = server == null || server.getMessage() == null ? String.valueOf(e.getMessage())
        : server.getMessage();
    Matcher syntax = PG_INPUT_SYNTAX.matcher(message);
    String elementType = syntax.find() ? syntax.group(1).strip() : null;
    boolean notAnArray = message.startsWith("malformed array literal");
    Map<String, String> arrays = arrayColumns.of(table);
    List<String> matching = new java.util.ArrayList<>();
    arrays.forEach((column, type) -> {
      String element = PG_ARRAY_TYPES.getOrDefault(type, type.startsWith("_") ? type.substring(1) : type);
      if (element.equals(elementType) || notAnArray) {
        matching.add(column);
      }
    });
    if (matching.isEmpty() && arrays.size() == 1 && (elementType != null || notAnArray)) {
      matching.addAll(arrays.keySet());
    }
    if (matching.size() == 1) {
      String type = arrays.get(matching.getFirst());
      String element = PG_ARRAY_TYPES.getOrDefault(type, type.startsWith("_") ? type.substring(1) : type);
      String given = notAnArray ? "text that is not an array literal"
          : "an element of type text that is not a valid " + elementType;
      return new Failure(Status.INVALID, "INVALID_VALUE", "wrong type of value (the column is " + element
          + "[], the value " + given + ")", matching);
    }
    String what = notAnArray ? "a value is not an array literal"
        : elementType != null ? "a value is text that is not a valid " + elementType : "a value has the wrong type";
    return new Failure(Status.INVALID, "INVALID_VALUE", "wrong type of value (" + what + ")", matching);
  }

  private static final Pattern PG_TYPED_COLUMN = Pattern.compile("column \"([^\"]+)\" is of type (\\S+)"
      + " but expression is of type (.+)");

  /** PostgreSQL's type errors name the column and both types (never a value): said as they are, as INVALID. */
  private static Failure typeMismatch(ServerErrorMessage server, List<String> columns) {
    String message = server == null || server.getMessage() == null ? "" : server.getMessage();
    Matcher typed = PG_TYPED_COLUMN.matcher(message);
    if (typed.find()) {
      return new Failure(Status.INVALID, "INVALID_VALUE", "wrong type of value (the column is " + typed.group(2)
          + ", the value " + typed.group(3) + ")", List.of(typed.group(1)));
    }
    return new Failure(Status.INVALID, "INVALID_VALUE", "wrong type of value (" + message.replace('\n', ' ') + ")",
        columns);
  }

  private Failure mariadb(SQLException e, int vendor, String state) {
    String message = String.valueOf(e.getMessage());
    Matcher columnMatch = MARIA_COLUMN.matcher(message);
    List<String> columns = columnMatch.find() ? List.of(columnMatch.group(1)) : List.of();
    return switch (vendor) {
      case 1062, 1586 -> {
        Matcher key = MARIA_KEY.matcher(message);
        yield duplicate(key.find() ? keyColumns(key.group(1)) : List.of());
      }
      case 1048, 1364 -> new Failure(Status.INVALID, "NOT_NULL_VIOLATION", "missing required value", columns);
      case 1451, 1452, 1216, 1217 -> new Failure(Status.INVALID, "FOREIGN_KEY_VIOLATION", "foreign key violated",
          List.of());
      case 1406, 1264, 1366, 1292, 1265, 1367, 1411 -> new Failure(Status.INVALID, "INVALID_VALUE",
          "value does not fit its column", columns);
      case 1213 -> new Failure(Status.CONFLICT, "DEADLOCK", "deadlock detected", List.of());
      case 1205 -> new Failure(Status.CONFLICT, "LOCK_WAIT_TIMEOUT", "lock wait timeout", List.of());
      case 1792 -> new Failure(Status.INVALID, "READ_ONLY_TRANSACTION", "write refused by a read-only transaction",
          List.of());
      case 1146 -> new Failure(Status.NOT_FOUND, "TABLE_NOT_FOUND", "table does not exist", List.of());
      case 1969, 3024 -> queryTimeout();
      case 1054 -> new Failure(Status.INVALID, "COLUMN_NOT_FOUND", "unknown column", columns);
      case 4025 -> checkFailed(message);
      default -> state.startsWith("22")
          ? new Failure(Status.INVALID, "INVALID_VALUE", "value does not fit its column", columns) : null;
    };
  }

  private static final Pattern MARIA_CHECK = Pattern.compile("CONSTRAINT `(?:[^`.]*\\.)?([^`]*)` failed");

  /**
   * A failed CHECK; MariaDB's own check behind a JSON column is named after the column ({@code table.column}), so
   * invalid JSON text names its column.
   */
  private static Failure checkFailed(String message) {
    Matcher check = MARIA_CHECK.matcher(message);
    List<String> columns = check.find() ? List.of(check.group(1)) : List.of();
    return new Failure(Status.INVALID, "CHECK_VIOLATION", "check constraint violated (for a JSON column: the"
        + " value is not valid JSON)", columns);
  }

  /** MariaDB names the key ('uk_x' or 'table.uk_x'); the columns come from the introspected indexes. */
  private List<String> keyColumns(String keyName) {
    String name = keyName.substring(keyName.lastIndexOf('.') + 1);
    String table = keyName.contains(".") ? keyName.substring(0, keyName.lastIndexOf('.')) : null;
    List<String> columns = keyColumns.columns(table, name);
    return columns.isEmpty() ? List.of(name) : columns;
  }

  private static final Pattern STANDARD_KEY = Pattern.compile("\\bON [\\w.\"`]+\\(([^)]+)\\)");
  private static final Pattern STANDARD_COLUMN = Pattern.compile("[Cc]olumn \"([^\"]+)\"");

  /**
   * The SQL standard's SQLStates, for what the dialect's own codes did not say: the errors of a plugged-in backend
   * (H2 says 23505 with its own vendor code) whose family's vendor codes it does not share. Column names are read
   * from the driver's text only where it names them in a known shape; the text itself (which may hold values) is
   * never shown.
   */
  private static Failure standard(SQLException e, String state) {
    String message = String.valueOf(e.getMessage());
    Matcher columnMatch = STANDARD_COLUMN.matcher(message);
    List<String> column = columnMatch.find() ? List.of(columnMatch.group(1)) : List.of();
    return switch (state) {
      case "23505" -> {
        Matcher key = STANDARD_KEY.matcher(message);
        yield duplicate(key.find() ? java.util.Arrays.stream(key.group(1).split(","))
            .map(part -> part.strip().split("\\s+")[0].replace("\"", "").replace("`", "")).toList() : List.of());
      }
      case "23502" -> new Failure(Status.INVALID, "NOT_NULL_VIOLATION", "missing required value", column);
      case "23503", "23506" -> new Failure(Status.INVALID, "FOREIGN_KEY_VIOLATION", "foreign key violated",
          List.of());
      case "23513", "23514" -> new Failure(Status.INVALID, "CHECK_VIOLATION", "check constraint violated",
          List.of());
      case "40001" -> new Failure(Status.CONFLICT, "SERIALIZATION_FAILURE", "serialization conflict", List.of());
      case "HYT00" -> new Failure(Status.CONFLICT, "LOCK_WAIT_TIMEOUT", "lock wait timeout", List.of());
      case "25006" -> new Failure(Status.INVALID, "READ_ONLY_TRANSACTION", "write refused by a read-only transaction",
          List.of());
      case "42S02", "42S04", "42P01" -> new Failure(Status.NOT_FOUND, "TABLE_NOT_FOUND", "table does not exist",
          List.of());
      case "42S22", "42703" -> new Failure(Status.INVALID, "COLUMN_NOT_FOUND", "unknown column", column);
      case "57014" -> queryTimeout();
      default -> state.startsWith("22")
          ? new Failure(Status.INVALID, "INVALID_VALUE", "value does not fit its column", column) : null;
    };
  }

  private static Failure duplicate(List<String> columns) {
    return new Failure(Status.DUPLICATE, "DUPLICATE_KEY", "duplicate key", columns);
  }

  private static <T> Result<T> failure(Status status, String code, String message, Map<String, Object> details,
      SQLException cause) {
    return Result.failure(status, code, message, details, cause);
  }
}
