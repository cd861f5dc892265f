package dev.cairn.testkit;

import dev.cairn.core.UnavailableException;
import dev.cairn.testkit.internal.Environment;
import dev.cairn.testkit.internal.Resolution;
import org.junit.jupiter.api.Assumptions;

/** Turns a {@link Resolution} into a usable server, a skipped test class, or a failed one. */
final class ServiceGate {
  private ServiceGate() {}

  /**
   * The available server.
   *
   * @throws UnavailableException {@code SERVICE_MISCONFIGURED} for a broken explicit URL, or
   *     {@code SERVICE_REQUIRED} when none was found and {@code CAIRN_REQUIRE_SERVICES=1}
   * @throws org.opentest4j.TestAbortedException (skipping the class) when none was found otherwise
   */
  static Resolution.Available require(Resolution resolution, Environment environment) {
    return switch (resolution) {
      case Resolution.Available available -> available;
      case Resolution.Broken broken -> throw new UnavailableException("SERVICE_MISCONFIGURED", broken.reason());
      case Resolution.Absent absent -> {
        if (environment.servicesRequired()) {
          throw new UnavailableException("SERVICE_REQUIRED",
              absent.reason() + " (failing because " + Environment.REQUIRE_SERVICES + "=1)");
        }
        Assumptions.abort(absent.reason() + " (set " + Environment.REQUIRE_SERVICES + "=1 to fail instead)");
        throw new AssertionError("unreachable: Assumptions.abort returned");
      }
    };
  }

  /** A lower-case identifier part from a test class name, at most {@code max} characters. */
  static String identifierPart(Class<?> testClass, int max) {
    String name = testClass.getSimpleName().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    return name.length() > max ? name.substring(0, max) : name;
  }
}
