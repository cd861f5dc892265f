package dev.cairn.bench.kv;

import dev.cairn.core.CairnException;
import dev.cairn.core.StoreUrl;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs Redis' own {@code redis-benchmark} (Debian's redis-tools) with the same client count, operation count and
 * value size, and reads its CSV. Only for plain {@code redis://} URLs: it speaks neither Cairn's TLS parameters nor
 * Sentinel or Cluster discovery. It writes the single key {@code key:__rand_int__}; {@link KvBench} removes it
 * afterwards unless it existed before. Stateless.
 */
final class RedisBenchmarkRun {
  /** The key redis-benchmark's SET test writes when no {@code -r} is given. */
  static final String KEY = "key:__rand_int__";

  private RedisBenchmarkRun() {}

  /** The redis-benchmark executable on the PATH, if any. */
  static Optional<Path> find() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String directory : path.split(File.pathSeparator)) {
      Path candidate = Path.of(directory, "redis-benchmark");
      if (!directory.isEmpty() && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Whether redis-benchmark can reach the store at {@code url}. */
  static boolean supports(StoreUrl url) {
    return url.kind() == StoreUrl.Kind.REDIS && !url.tls();
  }

  /**
   * Requests per second of SET and GET, keyed {@code SET} and {@code GET}; a test that finished too fast for
   * redis-benchmark to time (it prints {@code inf}) is left out.
   *
   * @param pipeline requests per round trip (1 = not pipelined)
   * @throws CairnException {@code REDIS_BENCHMARK_FAILED} when it cannot start or fails (the message quotes its
   *     output, which never contains the password)
   */
  static Map<String, Double> run(Path executable, StoreUrl url, KvBenchOptions options, int pipeline) {
    List<String> command = new ArrayList<>(List.of(executable.toString(), "-h", url.host().name(),
        "-p", Integer.toString(url.host().port()), "-c", Integer.toString(options.threads()),
        "-n", Integer.toString(options.ops()), "-d", Integer.toString(options.valueBytes()),
        "-P", Integer.toString(pipeline), "-t", "set,get", "--csv"));
    if (url.path() != null && !url.path().isEmpty() && !url.path().equals("0")) {
      command.addAll(List.of("--dbnum", url.path()));
    }
    if (url.user() != null && !url.user().isEmpty()) {
      command.addAll(List.of("--user", url.user()));
    }
    if (url.password() != null && !url.password().isEmpty()) {
      command.addAll(List.of("-a", url.password()));
    }
    String output = execute(command);
    Map<String, Double> rates = new HashMap<>();
    int tests = 0;
    for (String line : output.split("\n")) {
      String[] cells = line.replace("\"", "").split(",");
      if (cells.length >= 2 && (cells[0].equals("SET") || cells[0].equals("GET"))) {
        tests++;
        if (!cells[1].equals("inf")) {
          rates.put(cells[0], Double.parseDouble(cells[1]));
        }
      }
    }
    if (tests != 2) {
      throw new CairnException("REDIS_BENCHMARK_FAILED", "redis-benchmark printed no SET and GET rates: " + output);
    }
    return rates;
  }

  private static String execute(List<String> command) {
    try {
      // stderr only carries the "password on the command line" warning; it is not read so it cannot be shown
      Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = process.waitFor();
      if (exit != 0) {
        throw new CairnException("REDIS_BENCHMARK_FAILED", "redis-benchmark exited with " + exit + ": " + output);
      }
      return output;
    } catch (IOException e) {
      throw new CairnException("REDIS_BENCHMARK_FAILED", "could not run redis-benchmark: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CairnException("INTERRUPTED", "interrupted while redis-benchmark ran", e);
    }
  }
}
