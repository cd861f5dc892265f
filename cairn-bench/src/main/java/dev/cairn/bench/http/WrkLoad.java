package dev.cairn.bench.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the HTTP side with {@code wrk} when it is installed: a native load generator does not compete with the
 * server for the JVM's threads and garbage collector, so it measures the server rather than the client. A Lua
 * script walks the pages like the JVM clients do; every answer must be 2xx.
 */
final class WrkLoad {
  private static final Pattern REQUESTS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in ");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
  // wrk's default of 2 s counts a slow answer as a socket error and leaves it out of the latencies; on a shared
  // machine a request can wait that long, and it belongs in p99 rather than failing the run.
  private static final String TIMEOUT = "30s";
  private static final Pattern ERRORS = Pattern.compile("Socket errors:.*");

  private WrkLoad() {}

  /** Whether {@code wrk} is on the PATH. */
  static boolean available() {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, "wrk"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Requests per second and the p50 / p99 latency in milliseconds, from one wrk run of {@code time}, and how many
   * requests were answered (0 when wrk did not say).
   */
  record Figures(double requestsPerSecond, double p50Millis, double p99Millis, long requests) {}

  static Figures run(URI base, int connections, int pages, Duration time) {
    try {
      Path script = Files.createTempFile("cairn-bench-http", ".lua");
      script.toFile().deleteOnExit();
      Files.writeString(script, """
          counter = 0
          request = function()
            counter = counter + 1
            return wrk.format("GET", "/api/v1/db/tables/users?page=" .. (counter %% %d + 1) .. "&page_size=%d")
          end
          """.formatted(pages, HttpBenchOptions.PAGE_SIZE));
      int threads = Math.max(1, Math.min(connections, Runtime.getRuntime().availableProcessors()));
      List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections,
          "-d" + Math.max(1, time.toSeconds()) + "s", "--timeout", TIMEOUT, "--latency", "-s", script.toString(), base.toString()));
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = process.waitFor();
      if (exit != 0) {
        throw new IllegalStateException("wrk exited with " + exit + ": " + output.strip());
      }
      return parse(output);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run wrk", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while wrk ran", e);
    }
  }

  static Figures parse(String output) {
    Matcher non2xx = NON_2XX.matcher(output);
    if (non2xx.find() || ERRORS.matcher(output).find()) {
      throw new IllegalStateException("wrk saw failed requests: "
          + output.lines().filter(line -> line.contains("Non-2xx") || line.contains("Socket errors"))
              .map(String::strip).toList());
    }
    Matcher requests = REQUESTS.matcher(output);
    if (!requests.find()) {
      throw new IllegalStateException("wrk printed no Requests/sec: " + output.strip());
    }
    Matcher total = TOTAL.matcher(output);
    return new Figures(Double.parseDouble(requests.group(1)), percentile(output, "50"), percentile(output, "99"),
        total.find() ? Long.parseLong(total.group(1)) : 0);
  }

  private static double percentile(String output, String percent) {
    Matcher matcher = Pattern.compile("^\\s+" + percent + "(?:\\.0+)?%\\s+([0-9.]+)(us|ms|s|m)\\s*$",
        Pattern.MULTILINE).matcher(output);
    if (!matcher.find()) {
      throw new IllegalStateException("wrk printed no " + percent + "% latency: " + output.strip());
    }
    double value = Double.parseDouble(matcher.group(1));
    return switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
      case "us" -> value / 1000;
      case "ms" -> value;
      case "s" -> value * 1000;
      default -> value * 60_000;
    };
  }
}
