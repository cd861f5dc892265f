package dev.cairn.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.StoreUrl;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceResolverTest {
  private static final Path SELF_TEST_DIR = ServiceResolver.defaultServicesDirectory()
      .resolveSibling("cairn-services-selftest").resolve("resolver");

  @Test
  void resolve_explicitUrlUnreachable_isBrokenEvenWithLocalServer() {
    int closed = FreePort.find();
    Environment environment = new Environment(Map.of("CAIRN_TEST_REDIS_URL", "redis://127.0.0.1:" + closed));

    Resolution resolution = new ServiceResolver(environment, SELF_TEST_DIR).resolve(new RedisType());

    assertThat(resolution).isInstanceOf(Resolution.Broken.class);
    assertThat(((Resolution.Broken) resolution).reason())
        .contains("CAIRN_TEST_REDIS_URL").contains("127.0.0.1:" + closed).contains("unusable");
  }

  @Test
  void resolve_explicitUrlMalformed_isBroken() {
    Environment environment = new Environment(Map.of("CAIRN_TEST_POSTGRES_URL", "postgresql:/nohost"));

    Resolution resolution = new ServiceResolver(environment, SELF_TEST_DIR).resolve(new PostgresType());

    assertThat(resolution).isInstanceOf(Resolution.Broken.class);
    assertThat(((Resolution.Broken) resolution).reason()).contains("CAIRN_TEST_POSTGRES_URL is not a valid URL");
  }

  @Test
  void resolve_explicitUrlWithPassword_reasonMasksPassword() {
    int closed = FreePort.find();
    Environment environment = new Environment(
        Map.of("CAIRN_TEST_POSTGRES_URL", "postgresql://app:s3cret-pw@127.0.0.1:" + closed + "/db"));

    Resolution resolution = new ServiceResolver(environment, SELF_TEST_DIR).resolve(new PostgresType());

    assertThat(((Resolution.Broken) resolution).reason()).doesNotContain("s3cret-pw").contains("app:****@");
  }

  @Test
  void resolve_nothingWorks_isAbsentNamingEveryAttempt() {
    Resolution resolution = new ServiceResolver(new Environment(Map.of()), SELF_TEST_DIR).resolve(new Nowhere());

    assertThat(resolution).isInstanceOf(Resolution.Absent.class);
    assertThat(((Resolution.Absent) resolution).reason())
        .contains("CAIRN_TEST_NOWHERE_URL is not set")
        .contains("nothing usable at redis://127.0.0.1:")
        .contains("no private server in " + SELF_TEST_DIR.resolve("nowhere"))
        .contains("nowhere-server is not installed");
  }

  @Test
  void resolve_noLocalServer_startsPrivateRedis() throws IOException {
    Resolution resolution = new ServiceResolver(new Environment(Map.of()), SELF_TEST_DIR)
        .resolve(new RedisWithoutLocal());

    assertThat(resolution).isInstanceOf(Resolution.Available.class);
    Resolution.Available available = (Resolution.Available) resolution;
    assertThat(available.origin()).startsWith("private server in ");
    assertThat(available.adminUrl().host().port()).isNotEqualTo(6379);
    try (RespClient client = RedisType.open(available.adminUrl())) {
      assertThat(client.call("PING")).isEqualTo("PONG");
    }
  }

  /** Redis as it would resolve on a machine where nothing listens on the standard port. */
  private static final class RedisWithoutLocal implements ServiceType {
    private final RedisType redis = new RedisType();
    private final int closedPort = FreePort.find();

    @Override
    public String name() {
      return "redis-without-local";
    }

    @Override
    public String urlVariable() {
      return "CAIRN_TEST_REDIS_WITHOUT_LOCAL_URL";
    }

    @Override
    public StoreUrl standardLocalUrl() {
      return StoreUrl.parse("redis://127.0.0.1:" + closedPort);
    }

    @Override
    public void probe(StoreUrl url) throws IOException {
      redis.probe(url);
    }

    @Override
    public PrivateServer start(Path directory) throws Exception {
      return redis.start(directory);
    }
  }

  /** A service neither running nor installed anywhere. */
  private static final class Nowhere implements ServiceType {
    private final int closedPort = FreePort.find();

    @Override
    public String name() {
      return "nowhere";
    }

    @Override
    public String urlVariable() {
      return "CAIRN_TEST_NOWHERE_URL";
    }

    @Override
    public StoreUrl standardLocalUrl() {
      return StoreUrl.parse("redis://127.0.0.1:" + closedPort);
    }

    @Override
    public void probe(StoreUrl url) throws IOException {
      new RedisType().probe(url);
    }

    @Override
    public PrivateServer start(Path directory) throws IOException {
      throw new IOException("nowhere-server is not installed");
    }
  }
}
