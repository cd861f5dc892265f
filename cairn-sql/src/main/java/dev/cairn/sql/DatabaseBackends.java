package dev.cairn.sql;

import dev.cairn.core.ConflictException;
import dev.cairn.core.InvalidInputException;
import dev.cairn.core.StoreUrl;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database backends by URL scheme (Jeeves' {@code register_backend}). Filled on first use with every
 * {@link DatabaseBackend} {@link ServiceLoader} finds (Cairn's own included: they register through the same
 * mechanism), then changed by {@link #register} and {@link #unregister}. Thread-safe.
 *
 * <pre>{@code
 * DatabaseBackends.register("h2", config -> myH2Backend.open(config));
 * try (Database db = Database.open("h2:mem:test")) { ... }
 * }</pre>
 *
 * <p>Names are URL schemes: {@code [a-z][a-z0-9-]*}, at most 32 characters, and not the scheme of another kind of
 * store ({@code memory}, {@code redis}, ...). Two service providers for one scheme: the first found is kept and
 * the other logged at WARN; a provider that cannot be loaded is logged and skipped, so one broken jar does not stop
 * the others.
 */
public final class DatabaseBackends {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseBackends.class);
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");
  /** Schemes of the other stores: a database backend by such a name could never be reached. */
  private static final Set<String> RESERVED = Set.of("memory", "mem", "redis", "rediss", "redis-sentinel",
      "rediss-sentinel", "redis-cluster", "rediss-cluster", "jdbc");
  /** Scheme to backend; aliases map to their backend too. Guarded by the class. */
  private static final Map<String, DatabaseBackend> BACKENDS = new TreeMap<>();
  private static boolean loaded;

  private DatabaseBackends() {}

  /**
   * Registers {@code backend} for its {@link DatabaseBackend#name()} and aliases.
   *
   * @throws InvalidInputException {@code INVALID_BACKEND_NAME} for a name that is not a URL scheme or is reserved
   * @throws ConflictException {@code BACKEND_ALREADY_REGISTERED} when one of its schemes is taken (nothing is
   *     registered then); {@link #unregister} it first to replace it
   */
  public static synchronized void register(DatabaseBackend backend) {
    Objects.requireNonNull(backend, "backend");
    loadOnce();
    List<String> schemes = schemes(backend);
    for (String scheme : schemes) {
      if (BACKENDS.containsKey(scheme)) {
        throw new ConflictException("BACKEND_ALREADY_REGISTERED", "a database backend for scheme '" + scheme
            + "' is registered already; unregister it first to replace it", Map.of("backend", scheme), null);
      }
    }
    schemes.forEach(scheme -> BACKENDS.put(scheme, backend));
  }

  /** Registers a factory for one scheme; as {@link #register(DatabaseBackend)}. */
  public static void register(String name, Function<DatabaseConfig, Database> factory) {
    Objects.requireNonNull(factory, "factory");
    String checked = checkedName(name);
    register(new DatabaseBackend() {
      @Override
      public String name() {
        return checked;
      }

      @Override
      public Database open(DatabaseConfig config) {
        return factory.apply(config);
      }

      @Override
      public String toString() {
        return "DatabaseBackend[" + checked + "]";
      }
    });
  }

  /**
   * Removes the backend registered for {@code name}, with its aliases (unregistering {@code postgres} removes
   * {@code postgresql} and {@code pgsql} too). Databases it opened stay open.
   *
   * @return whether one was registered
   * @throws InvalidInputException {@code INVALID_BACKEND_NAME} for a name that is not a URL scheme
   */
  public static synchronized boolean unregister(String name) {
    String checked = checkedName(name);
    loadOnce();
    DatabaseBackend backend = BACKENDS.get(checked);
    if (backend == null) {
      return false;
    }
    BACKENDS.values().removeIf(each -> each == backend);
    return true;
  }

  /** Every registered scheme (names and aliases), sorted. */
  public static synchronized List<String> list() {
    loadOnce();
    return List.copyOf(BACKENDS.keySet());
  }

  /** Whether a backend serves {@code name}; {@code false} for a name that could not be a scheme. */
  public static synchronized boolean isRegistered(String name) {
    loadOnce();
    return name != null && BACKENDS.containsKey(name.toLowerCase(Locale.ROOT));
  }

  /**
   * The backend for a URL's scheme.
   *
   * @throws InvalidInputException {@code UNSUPPORTED_URL_SCHEME}, naming the registered schemes, when none serves
   *     it
   */
  public static DatabaseBackend forUrl(StoreUrl url) {
    String scheme = url.scheme();
    DatabaseBackend backend;
    synchronized (DatabaseBackends.class) {
      loadOnce();
      backend = BACKENDS.get(scheme);
    }
    if (backend == null) {
      throw unknown(scheme);
    }
    return backend;
  }

  static InvalidInputException unknown(String scheme) {
    boolean showable = scheme != null && NAME.matcher(scheme).matches();
    return new InvalidInputException("UNSUPPORTED_URL_SCHEME", "no database backend is registered for scheme "
        + (showable ? "'" + scheme + "'" : "of this URL") + " (registered: " + String.join(", ", list()) + ")",
        showable ? Map.of("scheme", scheme) : Map.of(), null);
  }

  private static List<String> schemes(DatabaseBackend backend) {
    String name = checkedName(backend.name());
    Set<String> aliases = Objects.requireNonNullElse(backend.aliases(), Set.of());
    java.util.List<String> schemes = new java.util.ArrayList<>();
    schemes.add(name);
    for (String alias : aliases) {
      String checked = checkedName(alias);
      if (!schemes.contains(checked)) {
        schemes.add(checked);
      }
    }
    return schemes;
  }

  private static String checkedName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      String shown = name == null ? "null" : name.length() > 40 || !name.chars().allMatch(c -> c >= 0x20 && c < 0x7f)
          ? "(" + name.length() + " characters)" : "'" + name + "'";
      throw new InvalidInputException("INVALID_BACKEND_NAME", "database backend name " + shown
          + " is not a URL scheme: lower-case letters, digits and '-', starting with a letter, at most 32",
          Map.of(), null);
    }
    if (RESERVED.contains(name)) {
      throw new InvalidInputException("INVALID_BACKEND_NAME", "database backend name '" + name
          + "' is the scheme of another kind of store", Map.of("backend", name), null);
    }
    return name;
  }

  /** Registers every service provider once; later unregistering is never undone by a reload. */
  private static void loadOnce() {
    if (loaded) {
      return;
    }
    loaded = true;
    var providers = ServiceLoader.load(DatabaseBackend.class).iterator();
    while (true) {
      DatabaseBackend backend;
      try {
        if (!providers.hasNext()) {
          break;
        }
        backend = providers.next();
      } catch (ServiceConfigurationError e) {
        LOG.warn("a database backend could not be loaded and is skipped: {}", e.getMessage());
        continue;
      }
      try {
        register(backend);
      } catch (RuntimeException e) {
        LOG.warn("database backend {} is not registered: {}", backend.getClass().getName(), e.getMessage());
      }
    }
  }
}
