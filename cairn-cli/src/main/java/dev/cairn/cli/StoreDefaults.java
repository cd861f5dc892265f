package dev.cairn.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where the data commands go when no {@code --db} / {@code --kv} is given, read from the environment as
 * DESIGN.md's "URLs configure everything" says. Blank variables count as unset. Immutable.
 *
 * @param environment the variables to read, e.g. {@link System#getenv()}; never null
 */
record StoreDefaults(Map<String, String> environment) {
  static final String MEMORY_URL = "memory:";

  StoreDefaults {
    environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
  }

  static StoreDefaults fromSystem() {
    return new StoreDefaults(System.getenv());
  }

  /** {@code CAIRN_DATABASE_URL}, else {@code DATABASE_URL}, else {@code sqlite:<data dir>/cairn.db}. */
  String databaseUrl() {
    String explicit = first("CAIRN_DATABASE_URL", "DATABASE_URL");
    return explicit != null ? explicit : "sqlite:" + dataDir().resolve("cairn.db");
  }

  /** {@code CAIRN_KV_URL}, else {@code REDIS_URL}, else {@code memory:}. */
  String keyValueUrl() {
    String explicit = first("CAIRN_KV_URL", "REDIS_URL");
    return explicit != null ? explicit : MEMORY_URL;
  }

  /** {@code CAIRN_DATA_DIR}, else {@code data} under the working directory. */
  Path dataDir() {
    String dir = first("CAIRN_DATA_DIR");
    return Path.of(dir != null ? dir : "data");
  }

  private String first(String... names) {
    for (String name : names) {
      String value = environment.get(name);
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return null;
  }
}
