package dev.cairn.bench.internal;

import static dev.cairn.sql.Filter.eq;
import static dev.cairn.sql.Sort.asc;
import static dev.cairn.sql.Sort.desc;

import dev.cairn.sql.Cursor;
import dev.cairn.sql.Database;
import dev.cairn.sql.Row;
import dev.cairn.sql.Page;
import dev.cairn.sql.Query;
import dev.cairn.sql.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Cairn side: every operation is one call of the typed {@link Table} API, as an application would write it. */
public final class CairnUserStore implements UserStore {
  private static final int ID_PAGE_SIZE = 1000;

  private final Table<CairnBenchUser> users;
  private final Database database;
  private final String joinAggregate;

  public CairnUserStore(Database database) {
    this.database = database;
    this.users = database.table(CairnBenchUser.class);
    this.joinAggregate = JdbcStatements.joinAggregateSql(users.name());
  }

  @Override
  public long joinAggregate(int age) {
    long checksum = 0;
    for (Row row : database.query(joinAggregate, age).orElseThrow()) {
      checksum += row.getLong("n") + row.getLong("total") + row.getString("top").length();
    }
    return checksum;
  }

  @Override
  public String side() {
    return "cairn";
  }

  @Override
  public void recreate() {
    users.drop().orElseThrow();
    users.create().orElseThrow();
  }

  @Override
  public void insertChunk(List<UserData> rows) {
    // Building the records is part of the measured work: an application holds records, not column values.
    List<CairnBenchUser> records = new ArrayList<>(rows.size());
    for (UserData row : rows) {
      records.add(new CairnBenchUser(null, row.name(), row.email(), row.age(), row.createdAt()));
    }
    users.insertAll(records).orElseThrow();
  }

  @Override
  public long[] ids() {
    LongCollector ids = new LongCollector();
    Query first = Query.all().orderBy(asc("id")).limit(ID_PAGE_SIZE);
    Page<CairnBenchUser> page = users.query(first).orElseThrow();
    page.items().forEach(user -> ids.add(user.id()));
    while (page.hasNext()) {
      Cursor next = page.next().orElseThrow();
      page = users.query(first.after(next)).orElseThrow();
      page.items().forEach(user -> ids.add(user.id()));
    }
    return ids.toArray();
  }

  @Override
  public int ageOf(long id) {
    return users.find(id).orElseThrow().age();
  }

  @Override
  public long page(int age, int page, int size) {
    Query query = Query.where(eq("age", age)).orderBy(desc("created_at")).page(page, size);
    long sum = 0;
    for (CairnBenchUser user : users.query(query).orElseThrow().items()) {
      sum += user.age();
    }
    return sum;
  }

  @Override
  public void updateAge(long id, int age) {
    users.update(id, Map.of("age", age)).orElseThrow();
  }

  @Override
  public void drop() {
    users.drop().orElseThrow();
  }

  @Override
  public void close() {
    // The database belongs to the caller, which closes it after both sides are done.
  }
}
