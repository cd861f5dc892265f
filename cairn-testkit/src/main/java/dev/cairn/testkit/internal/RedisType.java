package dev.cairn.testkit.internal;

import dev.cairn.core.StoreUrl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Redis: env {@code CAIRN_TEST_REDIS_URL}, port 6379, or {@code redis-server} with persistence off. */
public final class RedisType implements ServiceType {

  @Override
  public String name() {
    return "redis";
  }

  @Override
  public String urlVariable() {
    return "CAIRN_TEST_REDIS_URL";
  }

  @Override
  public StoreUrl standardLocalUrl() {
    return StoreUrl.parse("redis://127.0.0.1:6379");
  }

  @Override
  public void probe(StoreUrl url) throws IOException {
    try (RespClient client = open(url)) {
      Object pong = client.call("PING");
      if (!"PONG".equals(pong)) {
        throw new IOException("PING answered " + pong);
      }
    }
  }

  /** A connection authenticated and switched to the URL's database. */
  public static RespClient open(StoreUrl url) throws IOException {
    if (url.kind() != StoreUrl.Kind.REDIS || url.tls()) {
      throw new IOException(url + ": the testkit speaks plain redis:// to a single server only");
    }
    RespClient client = RespClient.connect(url.host().name(), url.host().port());
    try {
      if (url.password() != null) {
        if (url.user() != null) {
          client.call("AUTH", url.user(), url.password());
        } else {
          client.call("AUTH", url.password());
        }
      }
      if (!url.path().isEmpty()) {
        client.call("SELECT", url.path());
      }
      return client;
    } catch (IOException e) {
      client.close();
      throw e;
    }
  }

  @Override
  public PrivateServer start(Path directory) throws Exception {
    Processes.stopLeftover(directory.resolve("redis.pid"), Set.of("redis-server", "redis-check-rdb"));
    Processes.deleteTree(directory);
    Files.createDirectories(directory);
    int port = FreePort.find();
    Path log = directory.resolve("redis.log");
    // Persistence off: the private server is throw-away and must not write dump files into target/.
    Process process = Processes.start(List.of("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no", "--dir", directory.toString(),
        "--pidfile", directory.resolve("redis.pid").toString()), log);
    StoreUrl url = StoreUrl.parse("redis://127.0.0.1:" + port);
    try {
      Processes.awaitReady(() -> probe(url), process, 10_000, log);
    } catch (Exception e) {
      process.destroyForcibly();
      throw e;
    }
    return new ChildProcessServer(url, process);
  }
}
