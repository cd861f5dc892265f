package dev.cairn.server.http.internal;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Counts and times every request in a Prometheus registry, tagged by method, route template (not the raw path, so
 * table names and keys do not explode the series count) and status. Thread-safe.
 */
public final class RequestMetrics {
  private static final String STARTED = "cairn.request.started";
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  // Registering looks the meter up by a freshly built, sorted id; a request only needs its timer. Few keys: the
  // route is the template, the status one of a handful.
  private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

  private record Key(String method, String route, int status) {}

  public void start(Context ctx) {
    ctx.attribute(STARTED, System.nanoTime());
  }

  public void finish(Context ctx) {
    Long started = ctx.attribute(STARTED);
    if (started == null) {
      return;
    }
    Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
    String route = matched == null ? "unmatched" : matched.path;
    timers.computeIfAbsent(new Key(ctx.method().name(), route, ctx.statusCode()), this::timer)
        .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
  }

  private Timer timer(Key key) {
    return Timer.builder("cairn.http.requests")
        .description("Admin API requests")
        .tag("method", key.method())
        .tag("route", key.route())
        .tag("status", Integer.toString(key.status()))
        .register(registry);
  }

  public void scrape(Context ctx) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }
}
