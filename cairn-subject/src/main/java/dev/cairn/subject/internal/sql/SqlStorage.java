package dev.cairn.subject.internal.sql;

import static dev.cairn.sql.Filter.eq;
import static dev.cairn.sql.Filter.ge;

import dev.cairn.core.CairnException;
import dev.cairn.core.ConflictException;
import dev.cairn.core.Result;
import dev.cairn.core.Status;
import dev.cairn.sql.Database;
import dev.cairn.sql.Page;
import dev.cairn.sql.Query;
import dev.cairn.sql.Sort;
import dev.cairn.sql.Table;
import dev.cairn.sql.Transaction;
import dev.cairn.subject.Change;
import dev.cairn.subject.NameLimits;
import dev.cairn.subject.PendingChanges;
import dev.cairn.subject.PropertyKind;
import dev.cairn.subject.PropertyValue;
import dev.cairn.subject.StoredSubject;
import dev.cairn.subject.SubjectStorage;
import dev.cairn.subject.internal.Increments;
import dev.cairn.subject.internal.PythonJson;
import dev.cairn.subject.internal.Values;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Subjects in one table ({@link PropertyRow}) of any {@link Database}: SQLite, PostgreSQL, MariaDB/MySQL.
 *
 * <p>store() is one transaction. A direct write locks the row first: an UPDATE that sets {@code subject} to itself
 * takes the row's write lock on PostgreSQL and InnoDB (SQLite write transactions are serialized by BEGIN
 * IMMEDIATE), and returns the row as committed by whoever held the lock before, so the value read after it is
 * current and the read-modify-write cannot lose an update. When the row does not exist yet there is nothing to
 * lock: two writers may both insert, the loser gets DUPLICATE_KEY, and the whole transaction is retried, at most
 * {@code maxAttempts} times, then CONFLICT {@code SUBJECT_WRITE_CONFLICT}. Deadlocks and serialization failures are
 * retried by cairn-sql's transaction runner, so the user's function may run more than once.
 */
public final class SqlStorage implements SubjectStorage {
  private static final int PAGE_SIZE = 1000;

  private final Database database;
  private final int maxAttempts;
  private final boolean ownsDatabase;

  /**
   * Creates the table if it does not exist.
   *
   * @throws CairnException with the database's failure when the table cannot be created
   */
  public SqlStorage(Database database, int maxAttempts, boolean ownsDatabase) {
    this.database = database;
    this.maxAttempts = maxAttempts;
    this.ownsDatabase = ownsDatabase;
    database.table(PropertyRow.class).create().orElseThrow();
  }

  /** The column lengths of {@link PropertyRow}. */
  @Override
  public NameLimits nameLimits() {
    return new NameLimits(PropertyRow.MAX_NAME_LENGTH, NameLimits.REDIS.maxUtf8Bytes());
  }

  @Override
  public StoredSubject load(String subject) {
    return database.readOnlyTransaction(tx -> Result.ok(loadIn(tx, subject))).orElseThrow();
  }

  private static StoredSubject loadIn(Transaction tx, String subject) {
    Map<String, Object> properties = new LinkedHashMap<>();
    Map<String, Object> extended = new LinkedHashMap<>();
    Table<PropertyRow> rows = tx.table(PropertyRow.class);
    for (int page = 1; ; page++) {
      Page<PropertyRow> found = rows.query(Query.where(eq("subject", subject)).orderBy(Sort.asc("id"))
          .page(page, PAGE_SIZE)).orElseThrow();
      for (PropertyRow row : found.items()) {
        (row.kind().equals("p") ? properties : extended).put(row.property(), PythonJson.read(row.value()));
      }
      if (found.items().size() < PAGE_SIZE) {
        return new StoredSubject(properties, extended);
      }
    }
  }

  @Override
  public PropertyValue read(String subject, PropertyKind kind, String property) {
    Result<PropertyRow> found = database.table(PropertyRow.class).find(PropertyRow.id(subject, kind, property));
    if (found instanceof Result.Failure<PropertyRow> failure && failure.status() == Status.NOT_FOUND) {
      return null;
    }
    return new PropertyValue(PythonJson.read(found.orElseThrow().value()));
  }

  @Override
  public void store(String subject, PendingChanges changes) {
    withRetry(subject, "", () -> database.transaction(tx -> {
      Table<PropertyRow> rows = tx.table(PropertyRow.class);
      for (PropertyKind kind : PropertyKind.values()) {
        for (String name : changes.deletes(kind)) {
          Result<Void> deleted = rows.delete(PropertyRow.id(subject, kind, name));
          if (deleted instanceof Result.Failure<Void> failure && failure.status() != Status.NOT_FOUND) {
            return failure.cast();
          }
        }
        for (Map.Entry<String, Object> write : changes.writes(kind).entrySet()) {
          Result<PropertyRow> upserted = rows.upsert(
              PropertyRow.of(subject, kind, write.getKey(), PythonJson.write(write.getValue())));
          if (upserted instanceof Result.Failure<PropertyRow> failure) {
            return failure.cast();
          }
        }
      }
      return Result.ok(Boolean.TRUE);
    }));
  }

  @Override
  public Change set(String subject, PropertyKind kind, String property, Object value) {
    Object normalized = Values.normalize(value);
    return compute(subject, kind, property, old -> normalized);
  }

  @Override
  public Change compute(String subject, PropertyKind kind, String property, UnaryOperator<Object> function) {
    String id = PropertyRow.id(subject, kind, property);
    return withRetry(subject, property, () -> database.transaction(tx -> {
      Table<PropertyRow> rows = tx.table(PropertyRow.class);
      Result<PropertyRow> locked = rows.update(id, Map.of("subject", subject));
      if (locked instanceof Result.Failure<PropertyRow> failure && failure.status() != Status.NOT_FOUND) {
        return failure.cast();
      }
      PropertyRow current = locked instanceof Result.Ok<PropertyRow>(PropertyRow row) ? row : null;
      Object previous = current == null ? null : PythonJson.read(current.value());
      Object value = Values.normalize(function.apply(previous));
      PropertyRow next = PropertyRow.of(subject, kind, property, PythonJson.write(value));
      Result<PropertyRow> written = current == null ? rows.insert(next) : rows.update(next);
      return written.map(row -> new Change(value, previous, current != null));
    }));
  }

  @Override
  public Change increment(String subject, PropertyKind kind, String property, long delta) {
    return compute(subject, kind, property, old -> Increments.add(old, delta, property));
  }

  @Override
  public Change delete(String subject, PropertyKind kind, String property) {
    String id = PropertyRow.id(subject, kind, property);
    Change deleted = withRetry(subject, property, () -> database.transaction(tx -> {
      Table<PropertyRow> rows = tx.table(PropertyRow.class);
      Result<PropertyRow> locked = rows.update(id, Map.of("subject", subject));
      if (locked instanceof Result.Failure<PropertyRow> failure) {
        return failure.status() == Status.NOT_FOUND ? Result.ok(new Change(null, null, false)) : failure.cast();
      }
      Object previous = PythonJson.read(locked.orElseThrow().value());
      return rows.delete(id).map(done -> new Change(null, previous, true));
    }));
    return deleted.existed() ? deleted : null;
  }

  @Override
  public boolean flush(String subject) {
    return database.table(PropertyRow.class).deleteWhere(eq("subject", subject)).orElseThrow() > 0;
  }

  /**
   * Pages through the rows whose subject sorts at or after {@code prefix} and keeps the names that start with it;
   * no LIKE, so no pattern character in a name needs escaping, and no early stop, since the database's collation
   * may sort differently from Java.
   */
  @Override
  public List<String> names(String prefix) {
    Set<String> names = new LinkedHashSet<>();
    Table<PropertyRow> rows = database.table(PropertyRow.class);
    for (int page = 1; ; page++) {
      Page<PropertyRow> found = rows.query(Query.where(ge("subject", prefix)).orderBy(Sort.asc("id"))
          .page(page, PAGE_SIZE)).orElseThrow();
      for (PropertyRow row : found.items()) {
        if (row.subject().startsWith(prefix)) {
          names.add(row.subject());
        }
      }
      if (found.items().size() < PAGE_SIZE) {
        return List.copyOf(names);
      }
    }
  }

  /** Loads and deletes in one transaction. */
  @Override
  public StoredSubject remove(String subject) {
    return database.transaction(tx -> {
      StoredSubject held = loadIn(tx, subject);
      return tx.table(PropertyRow.class).deleteWhere(eq("subject", subject)).map(deleted -> held);
    }).orElseThrow();
  }

  @Override
  public boolean isPersistent() {
    return !database.url().isSqliteMemory();
  }

  @Override
  public boolean isConcurrencySafe() {
    return true;
  }

  @Override
  public void close() {
    if (ownsDatabase) {
      database.close();
    }
  }

  @Override
  public String toString() {
    return "SQL subject storage on " + database.url();
  }

  /** Runs a transaction again while it loses an insert race (DUPLICATE_KEY), up to the bound. */
  private <T> T withRetry(String subject, String property, Supplier<Result<T>> transaction) {
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      Result<T> result = transaction.get();
      if (!(result instanceof Result.Failure<T> failure) || failure.status() != Status.DUPLICATE) {
        return result.orElseThrow();
      }
    }
    throw new ConflictException("SUBJECT_WRITE_CONFLICT", "gave up writing " + property + " of subject " + subject
        + " after " + maxAttempts + " attempts: other writers kept creating it first",
        Map.of("subject", subject, "property", property, "attempts", maxAttempts), null);
  }

}
