package dev.cairn.core;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where a deployment's stores are, read from its environment: the one place that knows Cairn's variables and their
 * defaults, so the library, the CLI and the server cannot disagree.
 *
 * <ul>
 *   <li>{@code CAIRN_DATABASE_URL}, else {@code DATABASE_URL}: the SQL database; default SQLite at
 *       {@code <data dir>/cairn.db};
 *   <li>{@code CAIRN_DATA_DIR}: where SQLite files live; default {@code data} under the working directory;
 *   <li>{@code CAIRN_KV_URL}, else {@code REDIS_URL}: the key-value store;
 *   <li>{@code CAIRN_MODE}: {@code single-node} or {@code distributed} (see {@link #keyValueUrl()}).
 * </ul>
 *
 * Blank values count as unset; values are stripped. Immutable and thread-safe: the variables are copied when
 * built. A bad value fails only the accessor that needs it, so an unknown mode does not stop work that uses the
 * database only.
 */
public final class StoreEnvironment {
  public static final String DATABASE_URL = "CAIRN_DATABASE_URL";
  public static final String GENERIC_DATABASE_URL = "DATABASE_URL";
  public static final String KV_URL = "CAIRN_KV_URL";
  public static final String REDIS_URL = "REDIS_URL";
  public static final String MODE = "CAIRN_MODE";
  public static final String DATA_DIR = "CAIRN_DATA_DIR";
  /** The in-process key-value store, private to one process. */
  public static final String MEMORY_URL = "memory:";
  private static final Set<String> VARIABLES = Set.of(DATABASE_URL, GENERIC_DATABASE_URL, KV_URL, REDIS_URL, MODE, DATA_DIR);
  private static final String DEFAULT_DATA_DIR = "data";
  private static final String DEFAULT_DATABASE_FILE = "cairn.db";

  /** Where coordination and key-value state lives. */
  public enum Mode {
    /** One process: the memory store; locks and limits hold within this process only. */
    SINGLE_NODE("single-node"),
    /** Many processes: a shared Redis. */
    DISTRIBUTED("distributed");

    private final String text;

    Mode(String text) {
      this.text = text;
    }

    /** The value of {@code CAIRN_MODE} naming this mode. */
    public String text() {
      return text;
    }

    /**
     * The mode named by a {@code CAIRN_MODE} value, case-insensitively and ignoring surrounding blanks.
     *
     * @throws NullPointerException for null
     * @throws InvalidInputException {@code INVALID_MODE} for any other value
     */
    public static Mode parse(String value) {
      String wanted = value.strip().toLowerCase(Locale.ROOT);
      for (Mode mode : values()) {
        if (mode.text.equals(wanted)) {
          return mode;
        }
      }
      throw new InvalidInputException("INVALID_MODE", MODE + " is '" + value + "'; expected single-node or distributed");
    }
  }

  private final Map<String, String> variables;

  private StoreEnvironment(Map<String, String> variables) {
    this.variables = variables;
  }

  /** The process environment ({@link System#getenv()}). */
  public static StoreEnvironment system() {
    return of(System.getenv());
  }

  /**
   * The environment {@code variables} describe, e.g. a map written by a test; a copy of the variables named on this
   * class is kept.
   *
   * @throws NullPointerException if {@code variables} is null
   */
  public static StoreEnvironment of(Map<String, String> variables) {
    Objects.requireNonNull(variables, "variables");
    Map<String, String> kept = new HashMap<>();
    variables.forEach((name, value) -> {
      if (VARIABLES.contains(name) && value != null && !value.isBlank()) {
        kept.put(name, value.strip());
      }
    });
    return new StoreEnvironment(Map.copyOf(kept));
  }

  /** This environment with {@code CAIRN_DATA_DIR} set to {@code dir}, as a command-line option would set it. */
  public StoreEnvironment withDataDir(Path dir) {
    Map<String, String> changed = new HashMap<>(variables);
    changed.put(DATA_DIR, Objects.requireNonNull(dir, "dir").toString());
    return new StoreEnvironment(Map.copyOf(changed));
  }

  /** {@code CAIRN_DATABASE_URL}, else {@code DATABASE_URL}, when either is set. */
  public Optional<String> configuredDatabaseUrl() {
    return first(DATABASE_URL, GENERIC_DATABASE_URL);
  }

  /** The configured database URL, else {@code sqlite:<data dir>/cairn.db}. */
  public String databaseUrl() {
    return configuredDatabaseUrl().orElseGet(() -> "sqlite:" + dataDir().resolve(DEFAULT_DATABASE_FILE));
  }

  /** {@code CAIRN_DATA_DIR}, else {@code data} (relative to the working directory). */
  public Path dataDir() {
    return Path.of(first(DATA_DIR).orElse(DEFAULT_DATA_DIR));
  }

  /**
   * The mode {@code CAIRN_MODE} names, or empty when it is unset (then the key-value URL alone decides).
   *
   * @throws InvalidInputException {@code INVALID_MODE} for a value other than single-node or distributed
   */
  public Optional<Mode> mode() {
    return first(MODE).map(Mode::parse);
  }

  /** {@code CAIRN_KV_URL}, else {@code REDIS_URL}, when either is set, whatever the mode. */
  public Optional<String> configuredKeyValueUrl() {
    return first(KV_URL, REDIS_URL);
  }

  /**
   * The key-value store to open:
   *
   * <ul>
   *   <li>{@code CAIRN_MODE} unset: the configured key-value URL, else {@code memory:};
   *   <li>{@code single-node}: {@code memory:}, even when a URL is configured (a platform may set {@code REDIS_URL}
   *       for others);
   *   <li>{@code distributed}: the configured URL, which must name a shared store.
   * </ul>
   *
   * @throws InvalidInputException {@code INVALID_MODE} for an unknown mode; when distributed,
   *     {@code KV_URL_MISSING} without a key-value URL and {@code NOT_DISTRIBUTED} for {@code memory:} (and the
   *     failures of {@link StoreUrl#parse} for a malformed URL)
   */
  public String keyValueUrl() {
    Optional<Mode> mode = mode();
    Optional<String> configured = configuredKeyValueUrl();
    if (mode.isEmpty()) {
      return configured.orElse(MEMORY_URL);
    }
    if (mode.get() == Mode.SINGLE_NODE) {
      return MEMORY_URL;
    }
    String url = configured.orElseThrow(() -> new InvalidInputException("KV_URL_MISSING",
        MODE + "=distributed needs a Redis URL in " + KV_URL + " or " + REDIS_URL));
    if (StoreUrl.parse(url).kind() == StoreUrl.Kind.MEMORY) {
      throw new InvalidInputException("NOT_DISTRIBUTED",
          MODE + "=distributed needs a shared Redis, but the key-value URL is memory: (private to this process)");
    }
    return url;
  }

  private Optional<String> first(String... names) {
    for (String name : names) {
      String value = variables.get(name);
      if (value != null) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  /** The names of the variables set, without their values (which may hold passwords). */
  @Override
  public String toString() {
    return "StoreEnvironment" + variables.keySet().stream().sorted().toList();
  }
}
