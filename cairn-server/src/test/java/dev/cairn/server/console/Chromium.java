package dev.cairn.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for a test class, driven through Debian's chromedriver (both from the {@code chromium} and
 * {@code chromium-driver} packages; {@code .ci/run} installs them). Without them the class is skipped, or fails
 * when {@code CAIRN_REQUIRE_SERVICES=1}. Downloads land in a folder of their own; screenshots go to
 * {@code target/console-screenshots/}.
 */
final class Chromium implements AutoCloseable {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private final ChromeDriver driver;
  private final Path downloads;
  private final Path screenshots;
  private final String owner;

  private Chromium(ChromeDriver driver, Path downloads, Path screenshots, String owner) {
    this.driver = driver;
    this.downloads = downloads;
    this.screenshots = screenshots;
    this.owner = owner;
  }

  /** Starts the browser for the test class {@code owner} (its simple name prefixes the screenshots). */
  static Chromium start(Class<?> owner) {
    Optional<Path> browser = onPath("chromium");
    Optional<Path> driverBinary = onPath("chromedriver");
    if (browser.isEmpty() || driverBinary.isEmpty()) {
      String why = "the console's browser tests need chromium and chromedriver on PATH "
          + "(apt-get install chromium chromium-driver)";
      if ("1".equals(System.getenv("CAIRN_REQUIRE_SERVICES"))) {
        throw new IllegalStateException(why + "; CAIRN_REQUIRE_SERVICES=1 forbids skipping");
      }
      Assumptions.abort(why);
    }
    try {
      Path target = Path.of("target");
      Path downloads = Files.createDirectories(target.resolve("console-downloads").resolve(owner.getSimpleName()));
      Path screenshots = Files.createDirectories(target.resolve("console-screenshots"));
      ChromeOptions options = new ChromeOptions();
      options.setBinary(browser.get().toFile());
      // --no-sandbox: the tests may run as root (CI), where Chromium's sandbox refuses to start.
      options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
          "--window-size=1280,1000", "--disable-extensions", "--no-first-run");
      Map<String, Object> prefs = new HashMap<>();
      prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
      prefs.put("download.prompt_for_download", false);
      options.setExperimentalOption("prefs", prefs);
      // the page's console messages, to catch script errors and Content-Security-Policy violations
      options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
      ChromeDriverService service =
          new ChromeDriverService.Builder().usingDriverExecutable(driverBinary.get().toFile()).build();
      return new Chromium(new ChromeDriver(service, options), downloads, screenshots, owner.getSimpleName());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<Path> onPath(String name) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String folder : path.split(File.pathSeparator)) {
      Path candidate = Path.of(folder, name);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  ChromeDriver driver() {
    return driver;
  }

  Path downloads() {
    return downloads;
  }

  /** Waits (up to 15 s) until {@code condition} gives a non-null, non-false value, and returns it. */
  <T> T until(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, WAIT).until(condition);
  }

  /** Saves the page as {@code target/console-screenshots/<class>-<name>.png}. */
  Path screenshot(String name) {
    try {
      Path file = screenshots.resolve(owner + "-" + name + ".png");
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The browser console's messages since the last call that are script errors or Content-Security-Policy
   * violations (an inline script or style the policy blocked); failed requests the page expected (401) are not.
   */
  List<String> scriptProblems() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::getMessage)
        .filter(message -> message.contains("Content Security Policy") || message.contains("Uncaught")
            || message.contains("SyntaxError") || message.contains("TypeError"))
        .toList();
  }

  /**
   * What every browser test does when it ends, passed or failed: leaves a screenshot of the page it ended on, and
   * fails if the page logged a script error or a blocked inline script or style ({@link #scriptProblems()}).
   */
  void endTest(TestInfo test) {
    screenshot("end-" + test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test"));
    assertThat(scriptProblems()).as("script errors or CSP violations in the page").isEmpty();
  }

  @Override
  public void close() {
    driver.quit();
  }
}
