package dev.cairn.bench.internal;

import static dev.cairn.sql.Filter.eq;
import static dev.cairn.sql.Sort.asc;
import static dev.cairn.sql.Sort.desc;

import dev.cairn.core.CairnException;
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
  private static final Query NEWEST_FIRST = Query.all().orderBy(desc("created_at"));

  private final Table<CairnBenchUser> users;
  private final Database database;
  private final String joinAggregate;
  private Cursor position;

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
    return ageSum(users.query(query).orElseThrow());
  }

  @Override
  public void updateAge(long id, int age) {
    int found = users.updateCount(id, Map.of("age", age)).orElseThrow();
    if (found != 1) {
      throw new CairnException("BENCH_ROW_MISSING", "cairn: update of id " + id + " found " + found + " rows");
    }
  }

  @Override
  public int updateAgeReturningRow(long id, int age) {
    return users.update(id, Map.of("age", age)).orElseThrow().age();
  }

  @Override
  public long newestFirstPage(int page, int size) {
    return ageSum(users.query(NEWEST_FIRST.page(page, size)).orElseThrow());
  }

  @Override
  public void rememberPositionAfterPage(int page, int size) {
    position = users.query(NEWEST_FIRST.page(page, size)).orElseThrow().next().orElseThrow();
  }

  @Override
  public long newestFirstPageAfterPosition(int size) {
    return ageSum(users.query(NEWEST_FIRST.limit(size).after(position)).orElseThrow());
  }

  /** The ages of the page's rows summed, plus one when a next page exists (as the JDBC side counts). */
  private static long ageSum(Page<CairnBenchUser> page) {
    long sum = page.hasNext() ? 1 : 0;
    for (CairnBenchUser user : page.items()) {
      sum += user.age();
    }
    return sum;
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
