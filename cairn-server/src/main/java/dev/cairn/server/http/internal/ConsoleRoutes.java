package dev.cairn.server.http.internal;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The web console: static files from the jar ({@code dev/cairn/server/console/}), read once at start. The page
 * {@code GET /} is served fresh every time ({@code no-cache}); the scripts and styles it loads live under
 * {@code /console/<version>/<file>}, where the version is a hash of every console file, so they are cached for a
 * year and a new build changes their address. Every console response carries a Content-Security-Policy that allows
 * only scripts, styles and requests of this origin: no inline script or style, no frames, no plugins.
 *
 * <p>The console holds no data: it reads and writes through the admin API in the browser, with the token the user
 * typed, so these routes are the only ones open without the token (see {@link Guards}).
 */
public final class ConsoleRoutes {
  /** The path prefix of the versioned console files. */
  public static final String ASSETS = "/console/";
  static final List<String> FILES = List.of("console.css", "app.js", "api.js", "dom.js", "tables.js", "kv.js",
      "subjects.js", "migrations.js", "monitor.js", "sql.js", "vectors.js");
  private static final String RESOURCES = "/dev/cairn/server/console/";
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  private static final String ONE_YEAR = "public, max-age=31536000, immutable";
  private final String version;
  private final byte[] page;
  private final Map<String, byte[]> assets;

  public ConsoleRoutes() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String file : FILES) {
      files.put(file, read(file));
    }
    this.version = hash(files);
    this.assets = Map.copyOf(files);
    this.page = new String(read("index.html"), StandardCharsets.UTF_8)
        .replace("{{assets}}", ASSETS + version + "/")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Whether a request path is one of the console's static files (open without the token: they hold no data). */
  public static boolean isConsolePath(String path) {
    return "/".equals(path) || path.startsWith(ASSETS);
  }

  /** The version segment of the asset addresses: changes whenever any console file changes. */
  public String version() {
    return version;
  }

  public void register(RoutesConfig routes) {
    routes.get("/", this::page);
    routes.get(ASSETS + "{version}/{file}", this::asset);
  }

  private void page(Context ctx) {
    secure(ctx);
    ctx.header("Cache-Control", "no-cache");
    ctx.contentType("text/html; charset=utf-8").result(page);
  }

  private void asset(Context ctx) {
    byte[] body = assets.get(ctx.pathParam("file"));
    if (body == null || !version.equals(ctx.pathParam("version"))) {
      // An old version's address after an upgrade, or a name that is not a console file.
      throw new ApiError(404, "NOT_FOUND", "no console file at this address; reload the console", "cairn.console",
          Map.of());
    }
    secure(ctx);
    ctx.header("Cache-Control", ONE_YEAR);
    String file = ctx.pathParam("file");
    ctx.contentType(file.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8")
        .result(body);
  }

  private static void secure(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
  }

  private static byte[] read(String file) {
    try (InputStream in = ConsoleRoutes.class.getResourceAsStream(RESOURCES + file)) {
      if (in == null) {
        throw new IllegalStateException("the console file " + file + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the console file " + file, e);
    }
  }

  private static String hash(Map<String, byte[]> files) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      files.forEach((name, body) -> {
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update(body);
      });
      return HexFormat.of().formatHex(digest.digest(), 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
