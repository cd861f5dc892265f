package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.kv.KeyValue;
import dev.cairn.testkit.RedisService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code CAIRN_MODE=distributed cairn serve} through the real entry point ({@link Main} in a child JVM, its
 * environment set as a shell would): the API serves the Redis named by {@code CAIRN_KV_URL}.
 */
class ServeDistributedRedisTest {
  @RegisterExtension
  static final RedisService REDIS = new RedisService();

  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+) \\(.*key-value (\\S+?)[,)]");

  @TempDir
  Path directory;

  @Test
  void serve_distributed_servesTheRedisOfCairnKvUrl() throws Exception {
    String key = REDIS.keyPrefix() + "served";
    try (KeyValue redis = KeyValue.open(REDIS.url())) {
      redis.set(key, "from-redis");
      Process serve = start(Map.of("CAIRN_MODE", "distributed", "CAIRN_KV_URL", REDIS.url(),
          "REDIS_URL", "redis://127.0.0.1:1", "CAIRN_DATA_DIR", directory.resolve("data").toString()));
      try {
        Matcher listening = awaitListening(serve);
        assertThat(listening.group(2)).startsWith("redis://");
        HttpResponse<String> value = get(listening.group(1) + "/api/v1/kv/keys/" + key);
        assertThat(value.statusCode()).as(value.body()).isEqualTo(200);
        assertThat(value.body()).contains("from-redis");
      } finally {
        stop(serve);
      }
    }
  }

  private Process start(Map<String, String> environment) throws IOException {
    String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin",
        "java").toString());
    ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", classPath(),
        Main.class.getName(), "serve", "--port", "0", "--subject-prefix", REDIS.keyPrefix())
        .directory(directory.toFile())
        .redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("CAIRN_") || name.endsWith("DATABASE_URL")
        || name.equals("REDIS_URL"));
    builder.environment().putAll(environment);
    return builder.start();
  }

  // Reads the child's output (stderr merged) until the listening line, for at most a minute (a JVM start and a
  // Redis connection); the output read so far is the failure message.
  private static Matcher awaitListening(Process serve) throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    try (ExecutorService reader = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<Matcher> listening = reader.submit(() -> {
        BufferedReader output =
            new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        for (String line = output.readLine(); line != null; line = output.readLine()) {
          lines.add(line);
          Matcher matcher = LISTENING.matcher(line);
          if (matcher.find()) {
            return matcher;
          }
        }
        return null;
      });
      try {
        Matcher matcher = listening.get(60, TimeUnit.SECONDS);
        if (matcher != null) {
          return matcher;
        }
      } catch (TimeoutException e) {
        serve.destroyForcibly();
      }
    }
    throw new AssertionError("cairn serve did not listen: " + String.join("\n", lines));
  }

  private static void stop(Process serve) throws InterruptedException {
    serve.destroy();
    if (!serve.waitFor(30, TimeUnit.SECONDS)) {
      serve.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static HttpResponse<String> get(String url) throws Exception {
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  // Surefire runs tests from a manifest-only jar; it publishes the real test class path in this property.
  private static String classPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
  }
}
