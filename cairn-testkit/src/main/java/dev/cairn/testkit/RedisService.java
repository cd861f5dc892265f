package dev.cairn.testkit;

import dev.cairn.core.StoreUrl;
import dev.cairn.testkit.internal.Environment;
import dev.cairn.testkit.internal.RedisKeys;
import dev.cairn.testkit.internal.RedisType;
import dev.cairn.testkit.internal.Resolution;
import dev.cairn.testkit.internal.ServiceResolver;
import dev.cairn.testkit.internal.UrlText;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Redis for a test class, with a key prefix of its own:
 *
 * <pre>{@code
 * @RegisterExtension static final RedisService redis = new RedisService();
 * ... KeyValue.open(redis.url()).withPrefix(redis.keyPrefix()) ...
 * }</pre>
 *
 * <p>The server is found once per JVM: the URL in {@code CAIRN_TEST_REDIS_URL} (which must work if set); else a
 * server on 127.0.0.1:6379; else a private {@code redis-server} (persistence off) on a free port in
 * {@code target/cairn-services/redis}, stopped when the JVM exits; else the class is skipped with the reason, or
 * fails when {@code CAIRN_REQUIRE_SERVICES=1}.
 *
 * <p>Redis has no databases to hand out, so the class gets a unique {@link #keyPrefix()} instead. After the class
 * every key under that prefix is deleted (SCAN + DEL on the prefix only; the server is shared, so it is never
 * flushed). Tests must keep their keys under the prefix. Register on a static field; one instance per class.
 */
public final class RedisService implements BeforeAllCallback, AfterAllCallback {
  private static final RedisType TYPE = new RedisType();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Supplier<Resolution> resolution;
  private final Environment environment;
  private Resolution.Available server;
  private String keyPrefix;
  private int depth;

  /** Resolves the server from the process environment, once per JVM. */
  public RedisService() {
    this(() -> ServiceResolver.shared(TYPE), Environment.system());
  }

  RedisService(Supplier<Resolution> resolution, Environment environment) {
    this.resolution = resolution;
    this.environment = environment;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (depth++ > 0) {
      return;
    }
    // JUnit still calls afterAll when this throws; depth then returns to 0 with no prefix to clean.
    server = ServiceGate.require(resolution.get(), environment);
    keyPrefix = "cairn:t:" + ServiceGate.identifierPart(context.getRequiredTestClass(), 40) + ":"
        + HexFormat.of().toHexDigits(RANDOM.nextInt()) + ":";
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (--depth > 0 || keyPrefix == null) {
      return;
    }
    String prefix = keyPrefix;
    keyPrefix = null;
    RedisKeys.deleteByPrefix(server.adminUrl(), prefix);
  }

  /**
   * The server's URL, password included (do not log it; {@link #storeUrl()} prints masked).
   *
   * @throws IllegalStateException outside the test class's lifecycle
   */
  public String url() {
    return UrlText.unmasked(storeUrl());
  }

  /** The parsed {@link #url()}; same failure. */
  public StoreUrl storeUrl() {
    keyPrefix();
    return server.adminUrl();
  }

  /**
   * This class's key prefix, e.g. {@code cairn:t:lockstest:1a2b3c4d:}; unique per class and JVM run.
   *
   * @throws IllegalStateException outside the test class's lifecycle
   */
  public String keyPrefix() {
    if (keyPrefix == null) {
      throw new IllegalStateException("RedisService has no key prefix outside its test class;"
          + " register it with @RegisterExtension on a static field");
    }
    return keyPrefix;
  }

  /** How the server was found, e.g. {@code "local port 6379"}; same failure as {@link #keyPrefix()}. */
  public String origin() {
    keyPrefix();
    return server.origin();
  }
}
