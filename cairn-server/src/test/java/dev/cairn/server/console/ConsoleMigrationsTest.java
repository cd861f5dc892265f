package dev.cairn.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.kv.KeyValue;
import dev.cairn.server.http.AdminConfig;
import dev.cairn.server.http.AdminServer;
import dev.cairn.server.http.AdminStores;
import dev.cairn.sql.Database;
import dev.cairn.sql.Id;
import dev.cairn.sql.TableName;
import dev.cairn.sql.registry.Databases;
import dev.cairn.sql.registry.DatabasesConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The console's named databases and migrations, on a registry of SQLite files: choose a database for the table
 * pages; see the status, run the pending migration and downgrade, each only after the user confirms.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleMigrationsTest {
  private static final String TOKEN = "migrations-test-token";

  @TableName("invoices")
  record Invoice(@Id Long id, String customer, long cents) {}

  @TempDir
  static Path directory;

  private Databases registry;
  private Database main;
  private KeyValue store;
  private AdminServer server;
  private Chromium browser;
  private ConsolePage page;

  @BeforeAll
  void start() throws IOException {
    Path scripts = Files.createDirectories(directory.resolve("migrations").resolve("framework"));
    Files.writeString(scripts.resolve("V1__notes.sql"), "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);\n");
    Files.writeString(scripts.resolve("U1__notes.sql"), "DROP TABLE notes;\n");
    registry = Databases.open(DatabasesConfig.of("sqlite:" + directory.resolve("data"))
        .withTables(Map.of("framework", List.of(), "billing", List.of(Invoice.class)))
        .withMigrationsDir(directory.resolve("migrations")));
    main = Database.open("sqlite:" + directory.resolve("main.db"));
    store = KeyValue.open("memory:");
    server = AdminServer.start(AdminConfig.defaults().withBind("127.0.0.1", 0).withAdminToken(TOKEN),
        AdminStores.of(main, store).withRegistry(registry));
    browser = Chromium.start(getClass());
    page = new ConsolePage(browser);
  }

  /**
   * Every test leaves the page it ended on, passed or failed, so a failure can be seen; and no test may leave a
   * script error or a blocked inline script or style behind.
   */
  @AfterEach
  void screenshotAtTheEnd(TestInfo test) {
    if (browser != null) {
      browser.endTest(test);
    }
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
    if (store != null) {
      store.close();
    }
    if (main != null) {
      main.close();
    }
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void migrations_runAndDowngrade_afterConfirmation() {
    open("/migrations");
    browser.until(d -> text("#migration-status").contains("PENDING"));
    assertThat(text("#migration-summary")).contains("0 applied").contains("1 pending");

    browser.driver().findElement(By.id("migration-run")).click();
    browser.until(ExpectedConditions.alertIsPresent()).accept();
    browser.until(d -> text("#migration-outcome").contains("applied: 1"));
    browser.until(d -> text("#migration-summary").contains("1 applied"));
    assertThat(text("#migration-status")).contains("SUCCESS");
    browser.screenshot("migrations-applied");

    browser.driver().findElement(By.id("migration-target")).sendKeys("0");
    browser.driver().findElement(By.id("migration-downgrade")).click();
    browser.until(ExpectedConditions.alertIsPresent()).dismiss();
    // not confirmed: nothing undone
    assertThat(text("#migration-outcome")).contains("applied: 1");
    assertThat(text("#migration-summary")).contains("1 applied");

    browser.driver().findElement(By.id("migration-downgrade")).click();
    browser.until(ExpectedConditions.alertIsPresent()).accept();
    browser.until(d -> text("#migration-outcome").contains("undone: 1"));
    browser.until(d -> text("#migration-summary").contains("0 applied"));
  }

  @Test
  void tables_ofANamedDatabase() {
    open("/tables");
    browser.until(d -> text("#view").contains("0 tables") && !d.findElements(By.cssSelector("#view select")).isEmpty());
    new Select(browser.driver().findElement(By.cssSelector("#view select"))).selectByValue("billing");
    browser.until(d -> text("#tables").contains("invoices"));
    browser.screenshot("named-database");
  }

  private void open(String route) {
    page.openWithToken(server.url(), route, TOKEN);
  }

  private String text(String selector) {
    return page.text(selector);
  }
}
