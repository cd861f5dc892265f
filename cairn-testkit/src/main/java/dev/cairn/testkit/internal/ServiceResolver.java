package dev.cairn.testkit.internal;

import dev.cairn.core.CairnException;
import dev.cairn.core.StoreUrl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds a server for a {@link ServiceType}, in DESIGN.md's order: (1) the URL in the type's environment variable,
 * which must work if set; (2) a server on the standard local port; (3) a private server started from installed
 * binaries into {@code <build dir>/cairn-services/<name>}, stopped when the JVM exits; (4) otherwise
 * {@link Resolution.Absent} with every attempt in the reason. Thread-safe.
 *
 * <p>{@link #shared} resolves each type once per JVM from the process environment, because starting a server
 * takes seconds and every test class would otherwise pay for it; {@link #resolve} resolves afresh, for tests.
 */
public final class ServiceResolver {
  private static final Map<String, Resolution> SHARED = new ConcurrentHashMap<>();

  private final Environment environment;
  private final Path servicesDirectory;

  public ServiceResolver(Environment environment, Path servicesDirectory) {
    this.environment = environment;
    this.servicesDirectory = servicesDirectory;
  }

  /** The resolution for {@code type} from the process environment, computed once per JVM. */
  public static Resolution shared(ServiceType type) {
    return SHARED.computeIfAbsent(type.name(),
        name -> new ServiceResolver(Environment.system(), defaultServicesDirectory()).resolve(type));
  }

  /** {@code $CAIRN_BUILD_DIR/cairn-services} (surefire sets it to the module's target), else {@code target/...}. */
  public static Path defaultServicesDirectory() {
    String buildDir = System.getenv("CAIRN_BUILD_DIR");
    Path base = buildDir == null || buildDir.isBlank() ? Path.of("target") : Path.of(buildDir);
    return base.toAbsolutePath().resolve("cairn-services");
  }

  public Environment environment() {
    return environment;
  }

  /** Resolves now, starting a private server if it comes to that. Never throws. */
  public Resolution resolve(ServiceType type) {
    String explicit = environment.get(type.urlVariable()).orElse(null);
    if (explicit != null) {
      return resolveExplicit(type, explicit);
    }
    List<String> tried = new ArrayList<>();
    StoreUrl local = type.standardLocalUrl();
    try {
      type.probe(local);
      return new Resolution.Available(local, "local port " + local.host().port());
    } catch (Exception e) {
      tried.add(type.urlVariable() + " is not set");
      tried.add("nothing usable at " + local + " (" + oneLine(e) + ")");
    }
    Path directory = servicesDirectory.resolve(type.name());
    try {
      PrivateServer server = type.start(directory);
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "cairn-stop-" + type.name()));
      return new Resolution.Available(server.url(), "private server in " + directory);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      tried.add("starting a private server in " + directory + " was interrupted");
    } catch (Exception e) {
      tried.add("no private server in " + directory + " (" + oneLine(e) + ")");
    }
    return new Resolution.Absent("no " + type.name() + " server: " + String.join("; ", tried));
  }

  private static Resolution resolveExplicit(ServiceType type, String text) {
    StoreUrl url;
    try {
      url = StoreUrl.parse(text);
    } catch (CairnException e) {
      return new Resolution.Broken(type.urlVariable() + " is not a valid URL: " + e.getMessage());
    }
    try {
      type.probe(url);
      return new Resolution.Available(url, type.urlVariable());
    } catch (Exception e) {
      return new Resolution.Broken(type.urlVariable() + "=" + url + " is set but unusable: " + oneLine(e));
    }
  }

  /** The exception's message on one line; the class name when it has none. */
  static String oneLine(Throwable error) {
    String message = error.getMessage();
    String text = message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    return text.replaceAll("\\s+", " ").strip();
  }
}
