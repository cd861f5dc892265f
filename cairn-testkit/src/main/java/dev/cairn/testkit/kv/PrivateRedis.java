package dev.cairn.testkit.kv;

import dev.cairn.core.UnavailableException;
import dev.cairn.testkit.internal.Environment;
import dev.cairn.testkit.internal.FreePort;
import dev.cairn.testkit.internal.Processes;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Redis servers of the test's own, started from the installed {@code redis-server} into {@code target/} and stopped
 * after the class: a plain one (that can be restarted mid-test), a TLS-only one with a generated PKI, or a
 * 3-master cluster. Persistence is off unless extra arguments turn it on; nothing is shared with the machine's Redis.
 *
 * <pre>{@code
 * @RegisterExtension static final PrivateRedis REDIS = PrivateRedis.tls();
 * ... KeyValue.open(REDIS.url()) ...
 * }</pre>
 *
 * Register on a static field. Not thread-safe: start, restart and stop from the test thread.
 */
public final class PrivateRedis implements BeforeAllCallback, AfterAllCallback {
  private static final long READY_TIMEOUT_MILLIS = 15_000;

  private enum Topology { PLAIN, TLS, CLUSTER, SENTINEL }

  private final Topology topology;
  private final List<String> extraArguments;
  private final List<RedisProcess> servers = new ArrayList<>();
  // a JVM that ends without afterAll (surefire's timeout, Ctrl-C) must not leave redis-servers behind
  private final Thread stopOnExit = new Thread(this::destroyAll, "cairn-private-redis-stop");
  private Path directory;
  private TestCertificates certificates;

  private PrivateRedis(Topology topology, List<String> extraArguments) {
    this.topology = topology;
    this.extraArguments = List.copyOf(extraArguments);
  }

  /** A plaintext server; {@code extraArguments} go to redis-server (e.g. {@code --requirepass}, {@code s3cret}). */
  public static PrivateRedis plain(String... extraArguments) {
    return new PrivateRedis(Topology.PLAIN, List.of(extraArguments));
  }

  /** A TLS-only server ({@code --port 0}) requiring client certificates signed by the generated CA. */
  public static PrivateRedis tls() {
    return new PrivateRedis(Topology.TLS, List.of());
  }

  /** A master watched by one Sentinel that names it {@code mymaster}. */
  public static PrivateRedis sentinel() {
    return new PrivateRedis(Topology.SENTINEL, List.of());
  }

  /**
   * Three masters joined with {@code redis-cli --cluster create}; the first one serves slots 0 to 5460, and
   * {@link #killServer()}, {@link #stopServer()} and {@link #start()} act on it. {@code extraArguments} go to every
   * node (e.g. {@code --appendonly}, {@code yes}).
   */
  public static PrivateRedis cluster(String... extraArguments) {
    return new PrivateRedis(Topology.CLUSTER, List.of(extraArguments));
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    requireBinaries();
    Runtime.getRuntime().addShutdownHook(stopOnExit);
    String build = System.getenv().getOrDefault("CAIRN_BUILD_DIR", "target");
    directory = Path.of(build, "cairn-kv", topology.name().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID());
    Files.createDirectories(directory);
    try {
      switch (topology) {
        case PLAIN -> servers.add(start("redis", FreePort.find(), List.of()));
        case TLS -> startTls();
        case CLUSTER -> startCluster();
        case SENTINEL -> startSentinel();
      }
    } catch (Exception e) {
      stop();
      throw e;
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
    Runtime.getRuntime().removeShutdownHook(stopOnExit);
  }

  /**
   * Skips the class (or fails it when {@code CAIRN_REQUIRE_SERVICES=1}) when a binary this topology needs is not
   * installed, as the testkit's service extensions do for a missing service.
   */
  private void requireBinaries() {
    List<String> needed = switch (topology) {
      case PLAIN, SENTINEL -> List.of("redis-server");
      case TLS -> List.of("redis-server", "openssl");
      case CLUSTER -> List.of("redis-server", "redis-cli");
    };
    List<String> missing = needed.stream().filter(binary -> !onPath(binary)).toList();
    if (missing.isEmpty()) {
      return;
    }
    String reason = "a private " + topology.name().toLowerCase(Locale.ROOT) + " Redis needs " + missing
        + " on the PATH";
    if (Environment.system().servicesRequired()) {
      throw new UnavailableException("SERVICE_REQUIRED",
          reason + " (failing because " + Environment.REQUIRE_SERVICES + "=1)");
    }
    Assumptions.abort(reason + " (set " + Environment.REQUIRE_SERVICES + "=1 to fail instead)");
  }

  private static boolean onPath(String binary) {
    String path = System.getenv().getOrDefault("PATH", "");
    return Arrays.stream(path.split(File.pathSeparator)).anyMatch(dir -> Files.isExecutable(Path.of(dir, binary)));
  }

  /** The URL a client uses: {@code redis://}, {@code rediss://...?ca&cert&key} or {@code redis-cluster://}. */
  public String url() {
    return switch (topology) {
      case PLAIN -> "redis://127.0.0.1:" + port();
      case TLS -> "rediss://127.0.0.1:" + port() + "?ca=" + certificates.ca() + "&cert=" + certificates.clientCert()
          + "&key=" + certificates.clientKey();
      case CLUSTER -> "redis-cluster://" + String.join(",",
          servers.stream().map(server -> "127.0.0.1:" + server.port()).toList());
      case SENTINEL -> "redis-sentinel://127.0.0.1:" + servers.get(1).port() + "?master=mymaster";
    };
  }

  /** The (first) server's port. */
  public int port() {
    return servers.getFirst().port();
  }

  /** The generated certificates of a TLS server. */
  public TestCertificates certificates() {
    return certificates;
  }

  /** Stops the (single) server with SIGTERM and waits for it to exit; {@link #start()} brings it back. */
  public void stopServer() {
    servers.getFirst().stop();
  }

  /**
   * Kills the (single) server with SIGKILL, as a crash would: no shutdown, replies still in its buffers are lost,
   * and with {@code --appendonly yes} only what reached the AOF survives. {@link #start()} brings it back.
   */
  public void killServer() {
    servers.getFirst().kill();
  }

  /** Starts the (single) server again on the same port after {@link #stopServer()} or {@link #killServer()}. */
  public void start() throws Exception {
    RedisProcess old = servers.removeFirst();
    servers.addFirst(start(old.name(), old.port(), old.arguments()));
  }

  private void startTls() throws Exception {
    certificates = TestCertificates.generate(directory.resolve("pki"));
    servers.add(start("redis-tls", FreePort.find(), List.of(
        "--tls-cert-file", certificates.serverCert().toString(),
        "--tls-key-file", certificates.serverKey().toString(),
        "--tls-ca-cert-file", certificates.ca().toString(),
        "--tls-auth-clients", "yes")));
  }

  private void startSentinel() throws Exception {
    RedisProcess master = start("master", FreePort.find(), List.of());
    servers.add(master);
    Path config = directory.resolve("sentinel.conf");
    // Sentinel rewrites its configuration file, so it gets a file of its own rather than arguments only
    Files.writeString(config, "sentinel monitor mymaster 127.0.0.1 " + master.port() + " 1\n"
        + "sentinel down-after-milliseconds mymaster 5000\n");
    servers.add(start("sentinel", FreePort.find(), List.of(config.toString(), "--sentinel")));
  }

  private void startCluster() throws Exception {
    List<String> nodes = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      int port = FreePort.find();
      servers.add(start("node" + i, port, List.of("--cluster-enabled", "yes",
          "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "5000")));
      nodes.add("127.0.0.1:" + port);
    }
    List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
    create.addAll(nodes);
    create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
    Processes.run(create, directory.resolve("cluster-create.log"), 60);
    for (RedisProcess server : servers) {
      Processes.awaitReady(() -> requireClusterOk(server.port()), server.process(), READY_TIMEOUT_MILLIS,
          directory.resolve("cluster-create.log"));
    }
  }

  private void requireClusterOk(int port) throws IOException, InterruptedException {
    Path log = directory.resolve("cluster-info-" + port + ".log");
    Files.deleteIfExists(log);
    Processes.run(List.of("redis-cli", "-p", String.valueOf(port), "cluster", "info"), log, 10);
    if (!Files.readString(log).contains("cluster_state:ok")) {
      throw new IOException("cluster on port " + port + " is not ok yet");
    }
  }

  private RedisProcess start(String name, int port, List<String> arguments) throws Exception {
    Path dir = directory.resolve(name);
    Files.createDirectories(dir);
    List<String> command = new ArrayList<>(List.of("redis-server"));
    List<String> options = arguments;
    if (!arguments.isEmpty() && arguments.getFirst().endsWith(".conf")) {
      command.add(arguments.getFirst()); // a configuration file must come before any option
      options = arguments.subList(1, arguments.size());
    }
    command.addAll(List.of("--bind", "127.0.0.1", "-::1", "--save", "", "--appendonly", "no", "--dir",
        dir.toString()));
    if (topology == Topology.TLS) {
      command.addAll(List.of("--port", "0", "--tls-port", String.valueOf(port)));
    } else {
      command.addAll(List.of("--port", String.valueOf(port)));
    }
    command.addAll(options);
    command.addAll(extraArguments);
    Path log = dir.resolve("redis.log");
    Process process = Processes.start(command, log);
    try {
      Processes.awaitReady(() -> {
        if (!FreePort.isListening(port, 500)) {
          throw new IOException("redis-server " + name + " not listening on " + port + " yet");
        }
      }, process, READY_TIMEOUT_MILLIS, log);
    } catch (Exception e) {
      process.destroyForcibly();
      throw e;
    }
    return new RedisProcess(name, port, arguments, process);
  }

  private void stop() {
    servers.forEach(RedisProcess::stop);
    servers.clear();
  }

  private void destroyAll() {
    List.copyOf(servers).forEach(server -> server.process().destroyForcibly());
  }

  /** One running redis-server. */
  private record RedisProcess(String name, int port, List<String> arguments, Process process) {
    void stop() {
      process.destroy();
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
        throw new IllegalStateException("interrupted while stopping redis-server " + name, e);
      }
    }

    void kill() {
      process.destroyForcibly();
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          throw new IllegalStateException("redis-server " + name + " did not die within 20 s of SIGKILL");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while killing redis-server " + name, e);
      }
    }
  }
}
