package dev.cairn.sql.conformance;

import dev.cairn.sql.Dialect;
import dev.cairn.sql.plugged.H2Backend;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * The suite on H2, a database Cairn does not ship: opened by {@code Database.open("h2:mem:...")} through the
 * {@link H2Backend} that {@code ServiceLoader} registers from the test class path. H2 speaks the MariaDB family
 * (mode MariaDB); the parts it cannot pass are switched off below, each with its reason.
 */
class H2ConformanceTest extends DatabaseConformance {
  private final String url = "h2:mem:conformance-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

  // The parts of the suite H2 cannot pass as a MariaDB-family backend, each switched off below with its reason.
  private static final String UPSERT = "upsert: the statement Cairn renders for the MariaDB family through jOOQ's H2"
      + " dialect is refused by H2 (\"Unknown data type\")";
  private static final String SLEEP = "needs a statement that sleeps past the query timeout: the MariaDB family's"
      + " sleep() is not an H2 function";
  private static final String TRIGGER = "the script holds a MariaDB trigger body (BEGIN ... END with IF), which is"
      + " not H2 SQL";
  private static final String MAINTENANCE = "maintenance is OPTIMIZE TABLE / ANALYZE TABLE in the MariaDB family;"
      + " H2 has neither statement (and no size figures in information_schema)";
  private static final String SIZE = "table sizes come from MariaDB's information_schema.tables (data_length),"
      + " which H2 does not have: a plugged-in backend's size is unknown (null)";
  private static final String UPSERT_INSIDE = "one of its writes is a table upsert, which H2 refuses with the error"
      + " UPSERT names instead of the INVALID_UNICODE the test expects";
  private static final String JSON_TEXT = "H2's JSON type stores a bound string as a JSON string (it needs FORMAT"
      + " JSON), so documents come back as text, and text that is not JSON is not refused as MariaDB's json_valid"
      + " check does";

  private static final String URL_OPTIONS = "a plugged-in backend's URL is its driver's own and is kept whole: it"
      + " takes no Cairn options (its pool is configured by DatabaseConfig.withPool or environment variables)";

  @Override
  protected String databaseUrl() {
    return url;
  }

  @Override
  public Dialect dialect() {
    return Dialect.MARIADB;
  }

  @Override
  public void executeRaw(String... sql) {
    try (Connection connection = DriverManager.getConnection(H2Backend.jdbcUrl(url));
        Statement statement = connection.createStatement()) {
      for (String each : sql) {
        statement.execute(each);
      }
    } catch (SQLException e) {
      throw new AssertionError("raw SQL failed on H2: " + e.getMessage(), e);
    }
  }

  @Test
  @Disabled(UPSERT)
  @Override
  public void upsert_existingKey_replacesColumns() {}

  @Test
  @Disabled(UPSERT)
  @Override
  public void upsert_newKey_inserts() {}

  @Test
  @Disabled(UPSERT)
  @Override
  public void upsert_assignedKey_insertsThenReplaces() {}

  @Test
  @Disabled(UPSERT)
  @Override
  public void upsert_insertsThenReplaces() {}

  @Test
  @Disabled(UPSERT)
  @Override
  public void rows_batchUpsertAndDeletes() {}

  @Test
  @Disabled(SLEEP)
  @Override
  public void execute_statementRunsPastTheQueryTimeout_cancelledAndDatabaseStillUsable() {}

  @Test
  @Disabled(TRIGGER)
  @Override
  public void executeScript_splitsAtTheRightSemicolons() {}

  @Test
  @Disabled(MAINTENANCE)
  @Override
  public void vacuumAnalyze_runsOutsideATransaction_perTableOrAll() {}

  @Test
  @Disabled(MAINTENANCE)
  @Override
  public void stats_figuresGrowWithTheData_andAgreeWithTheSchemaSize() {}

  @Test
  @Disabled(JSON_TEXT)
  @Override
  public void wrongTypes_areInvalidNamingTheColumn_neverAServerError() {}

  @Test
  @Disabled(JSON_TEXT)
  @Override
  public void jsonColumns_readByRawQueriesAndRecords() {}

  @Test
  @Disabled(JSON_TEXT)
  @Override
  public void jsonAndArrays_roundTripThroughDynamicRows_asJsonNotText() {}

  @Test
  @Disabled(SIZE)
  @Override
  public void schema_describesTable() {}

  @Test
  @Disabled(UPSERT_INSIDE)
  @Override
  public void write_loneSurrogate_invalidUnicodeAndNothingChanged() {}

  @Test
  @Disabled(URL_OPTIONS)
  @Override
  public void pool_recycleAndPrePing_byUrlOptions_areReadBackFromEveryPool() {}

  @Test
  @Disabled(URL_OPTIONS)
  @Override
  public void pool_invalidValues_byUrlOptions_oneLineInvalidOptionNamingTheSetting() {}
}
