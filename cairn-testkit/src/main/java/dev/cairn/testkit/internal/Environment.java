package dev.cairn.testkit.internal;

import java.util.Map;
import java.util.Optional;

/**
 * The environment variables the service extensions read, as a value so tests of the resolution can pass their
 * own instead of mutating the process environment. Immutable.
 *
 * @param variables name to value
 */
public record Environment(Map<String, String> variables) {
  /** When set to {@code 1} (CI sets it), a service that cannot be provided fails the test instead of skipping it. */
  public static final String REQUIRE_SERVICES = "CAIRN_REQUIRE_SERVICES";

  public Environment {
    variables = Map.copyOf(variables);
  }

  /** The environment of this process. */
  public static Environment system() {
    return new Environment(System.getenv());
  }

  /** The non-blank value of {@code name}, if any. */
  public Optional<String> get(String name) {
    return Optional.ofNullable(variables.get(name)).map(String::strip).filter(value -> !value.isEmpty());
  }

  /** Whether a missing service must fail rather than skip. */
  public boolean servicesRequired() {
    return get(REQUIRE_SERVICES).map(value -> value.equals("1") || value.equalsIgnoreCase("true")).orElse(false);
  }
}
