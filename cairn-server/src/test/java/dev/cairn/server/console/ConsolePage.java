package dev.cairn.server.console;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The console as the tests see it, in one {@link Chromium}: open it fresh, type the token, read texts and tables
 * in one script each, and wait for the next render of data ({@code main[data-loads]} counts them).
 */
final class ConsolePage {
  private final Chromium browser;
  private final AtomicInteger visits = new AtomicInteger();

  ConsolePage(Chromium browser) {
    this.browser = browser;
  }

  /** Opens the console of the server at {@code base} fresh (empty session storage, no token) at {@code route}. */
  void open(String base, String route) {
    ChromeDriver driver = browser.driver();
    driver.get(base + "/");
    driver.executeScript("sessionStorage.clear()");
    // a query makes this a new document, so the console starts again without a token
    driver.get(base + "/?visit=" + visits.incrementAndGet() + "#" + route);
    browser.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
  }

  /** Types the token into the header's form and presses Enter, as a user would. */
  void enterToken(String token) {
    browser.driver().findElement(By.id("token-input")).sendKeys(token, Keys.ENTER);
  }

  /** Opens fresh and enters the token; waits until the console says it reads and writes with it. */
  void openWithToken(String base, String route, String token) {
    open(base, route);
    enterToken(token);
    browser.until(d -> text("#mode").contains("Token in use"));
  }

  int loads() {
    String value = browser.driver().findElement(By.id("view")).getDomAttribute("data-loads");
    return value == null ? 0 : Integer.parseInt(value);
  }

  void waitForLoad(int after) {
    browser.until(d -> loads() > after);
  }

  void clickAndWait(String selector) {
    int loads = loads();
    browser.driver().findElement(By.cssSelector(selector)).click();
    waitForLoad(loads);
  }

  /** Adds a filter with the table view's form. */
  void filter(String column, String operator, String value) {
    browser.driver().findElement(By.id("filter-column")).sendKeys(column);
    new Select(browser.driver().findElement(By.id("filter-op"))).selectByValue(operator);
    browser.driver().findElement(By.id("filter-value")).sendKeys(value);
    browser.driver().findElement(By.id("filter-add")).click();
  }

  /** The sort button in a column's header. */
  WebElement header(String column) {
    return browser.driver().findElement(By.cssSelector("#rows th button[data-column='" + column + "']"));
  }

  String ariaSort(String column) {
    return header(column).findElement(By.xpath("..")).getDomAttribute("aria-sort");
  }

  /** The text of the first element matching {@code selector}, "" if none. */
  String text(String selector) {
    return (String) browser.driver().executeScript(
        "const e = document.querySelector(arguments[0]); return e ? e.textContent : '';", selector);
  }

  long count(String selector) {
    return (Long) browser.driver().executeScript("return document.querySelectorAll(arguments[0]).length", selector);
  }

  /** The text of each cell of the rows matched, read in one script. */
  @SuppressWarnings("unchecked")
  List<List<String>> cells(String rowSelector) {
    return (List<List<String>>) browser.driver().executeScript(
        "return [...document.querySelectorAll(arguments[0])].map(r => [...r.children].map(c => c.textContent));",
        rowSelector);
  }

  /** The table view's rows: cell 0 is the open link, then the columns in schema order. */
  List<List<String>> rowCells() {
    return cells("#rows tbody tr");
  }

  /** The first column (the id) of the table view's rows. */
  List<String> ids() {
    return rowCells().stream().map(row -> row.get(1)).toList();
  }

  List<String> keysShown() {
    return cells("#kv-keys li").stream().map(List::getFirst).toList();
  }

  /** Opens a key of the key browser's list and waits for its value. */
  void showKey(String key) {
    int loads = loads();
    browser.driver().findElement(By.cssSelector("#kv-keys button[data-key='" + key + "']")).click();
    waitForLoad(loads);
  }
}
