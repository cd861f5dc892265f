package dev.cairn.testkit.internal;

import dev.cairn.core.StoreUrl;

/**
 * How a service was resolved: available at an endpoint, absent (skip, or fail when services are required), or
 * broken (a URL was given explicitly but does not work: always a failure, never a silent fallback).
 */
public sealed interface Resolution {

  /**
   * A usable server.
   *
   * @param adminUrl a URL with rights to create and drop databases (SQL) or to use any key (Redis)
   * @param origin how it was found, for messages: {@code "CAIRN_TEST_POSTGRES_URL"}, {@code "local port 5432"}, ...
   */
  record Available(StoreUrl adminUrl, String origin) implements Resolution {}

  /** Nothing usable was found; {@code reason} names everything that was tried. */
  record Absent(String reason) implements Resolution {}

  /** An explicitly configured server is unusable; {@code reason} says which and why. */
  record Broken(String reason) implements Resolution {}
}
