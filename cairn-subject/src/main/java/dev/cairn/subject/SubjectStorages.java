package dev.cairn.subject;

import dev.cairn.core.InvalidInputException;
import dev.cairn.core.StoreUrl;
import dev.cairn.kv.KeyValue;
import dev.cairn.sql.Database;
import dev.cairn.subject.internal.MemoryStorage;
import dev.cairn.subject.internal.PrefixRouter;
import dev.cairn.subject.internal.redis.RedisStorage;
import dev.cairn.subject.internal.sql.SqlStorage;
import java.util.Map;

/**
 * Builds {@link SubjectStorage}s: memory, Redis in KRules' layout, SQL on any database, a router by subject-name
 * prefix, or one from a URL. Thread-safe.
 */
public final class SubjectStorages {
  /** How many times a lost optimistic write is tried before CONFLICT, unless told otherwise. */
  public static final int DEFAULT_MAX_ATTEMPTS = 200;

  private SubjectStorages() {}

  /** A fresh in-process storage: thread-safe and atomic, gone with the process. */
  public static SubjectStorage memory() {
    return new MemoryStorage();
  }

  /**
   * Subjects in Redis in KRules' layout: hash {@code s:} + {@code keyPrefix} + subject name (no separator added),
   * fields {@code p<name>} / {@code e<name>}, values as Python's {@code json.dumps} writes them. Pass a store
   * without a view prefix ({@link KeyValue#withPrefix}) if Python services share the subjects: a view prefix lands
   * before {@code s:}. The store stays the caller's to close. Standalone, TLS, Sentinel and Cluster deployments all
   * work: a subject is one hash, so each single-subject operation touches one slot, and its MULTI/EXEC runs on the
   * master of that slot.
   *
   * @throws InvalidInputException {@code NOT_A_REDIS_STORE} when {@code kv} is not Redis
   */
  public static SubjectStorage redis(KeyValue kv, String keyPrefix) {
    return redis(kv, keyPrefix, DEFAULT_MAX_ATTEMPTS);
  }

  /** As {@link #redis(KeyValue, String)}, giving up a contended function write after {@code maxAttempts}. */
  public static SubjectStorage redis(KeyValue kv, String keyPrefix, int maxAttempts) {
    return new RedisStorage(kv, keyPrefix, maxAttempts, false);
  }

  /**
   * Subjects in the table {@code cairn_subject_properties} of {@code database} (created if missing). The
   * database stays the caller's to close.
   *
   * @throws dev.cairn.core.CairnException with the database's failure when the table cannot be created
   */
  public static SubjectStorage sql(Database database) {
    return new SqlStorage(database, DEFAULT_MAX_ATTEMPTS, false);
  }

  /**
   * Sends each subject to the storage of the longest prefix of its name in {@code routes}, else to
   * {@code fallback}. Closing the router closes every storage it routes to.
   */
  public static SubjectStorage router(Map<String, SubjectStorage> routes, SubjectStorage fallback) {
    return new PrefixRouter(routes, fallback);
  }

  /**
   * A storage from a URL: {@code memory:}; {@code redis://...} (also {@code rediss}, {@code redis-sentinel}, {@code redis-cluster}) with the
   * KRules key prefix from the {@code keyPrefix} query parameter (empty if absent); any SQL URL
   * {@link Database#open} accepts. The storage owns what it opened and closes it.
   *
   * @throws InvalidInputException {@code INVALID_URL} for a URL no storage understands, and as
   *     {@link StoreUrl#parse}, {@link KeyValue#open} and {@link Database#open} fail
   */
  public static SubjectStorage open(String url) {
    StoreUrl parsed = StoreUrl.parse(url);
    return switch (parsed.kind()) {
      case MEMORY -> memory();
      case REDIS, REDIS_SENTINEL, REDIS_CLUSTER -> {
        KeyValue kv = KeyValue.open(url);
        String keyPrefix = parsed.param("keyPrefix", "");
        yield new RedisStorage(kv, keyPrefix, DEFAULT_MAX_ATTEMPTS, true);
      }
      case SQLITE, POSTGRESQL, MYSQL, MARIADB -> new SqlStorage(Database.open(url), DEFAULT_MAX_ATTEMPTS, true);
      default -> throw new InvalidInputException("INVALID_URL", "no subject storage for " + parsed
          + " (use memory:, redis://, rediss://, redis-sentinel://, redis-cluster:// or a SQL URL)");
    };
  }
}
