package dev.cairn.vector;

import dev.cairn.core.Result;
import dev.cairn.core.Status;
import java.util.Locale;
import java.util.Map;

/**
 * How two vectors are compared. Every {@link Match#score()} is a similarity: higher is closer, whatever the metric.
 */
public enum Metric {
  /** Cosine similarity in [-1, 1]; zero vectors are refused (their direction is undefined). */
  COSINE("cosine"),
  /** Euclidean distance; the score is its negation, so the nearest vector has the highest score. */
  L2("l2"),
  /** Dot product; the score is the dot product itself. */
  INNER_PRODUCT("inner_product");

  private final String wireName;

  Metric(String wireName) {
    this.wireName = wireName;
  }

  /** The name used in URLs, JSON and the CLI: {@code cosine}, {@code l2}, {@code inner_product}. */
  public String wireName() {
    return wireName;
  }

  /**
   * The metric named {@code name} (case-insensitive; {@code euclidean}, {@code dot} and {@code ip} are accepted
   * too), or INVALID {@code UNKNOWN_METRIC}.
   */
  public static Result<Metric> parse(String name) {
    String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    return switch (key) {
      case "cosine" -> Result.ok(COSINE);
      case "l2", "euclidean" -> Result.ok(L2);
      case "inner_product", "ip", "dot", "dot_product" -> Result.ok(INNER_PRODUCT);
      default -> Result.failure(Status.INVALID, "UNKNOWN_METRIC",
          "unknown metric '" + dev.cairn.vector.internal.Names.shown(name) + "'; use cosine, l2 or inner_product", Map.of("metric", dev.cairn.vector.internal.Names.shown(name)));
    };
  }
}
