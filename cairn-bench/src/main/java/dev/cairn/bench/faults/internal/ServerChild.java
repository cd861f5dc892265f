package dev.cairn.bench.faults.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code cairn serve} in a child JVM on a SQLite file, a free loopback port and the memory key-value store, with a
 * bearer token so writes are allowed. Started by main class name: the server module depends on this one, not the
 * other way round, so the class must be on the class path at run time (it is in {@code cairn.jar} and in the
 * server module's tests).
 */
public final class ServerChild implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final ChildJvm jvm;
  private final URI baseUrl;

  private ServerChild(ChildJvm jvm, URI baseUrl) {
    this.jvm = jvm;
    this.baseUrl = baseUrl;
  }

  /**
   * Starts the server and waits until it listens.
   *
   * @param mainClass the {@code cairn} command's main class
   * @param jvmOptions extra JVM options (e.g. {@code -XX:ActiveProcessorCount=2})
   * @throws IOException when the main class is not on the class path or the server does not come up
   */
  public static ServerChild start(String name, String mainClass, Path databaseFile, String token,
      List<String> jvmOptions, Path directory) throws IOException, InterruptedException {
    try {
      Class.forName(mainClass, false, ServerChild.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IOException(mainClass + " is not on the class path; the HTTP fault scenarios run from cairn.jar "
          + "or the server module's tests", e);
    }
    List<String> arguments = new ArrayList<>(List.of("serve", "--db", "sqlite:" + databaseFile.toAbsolutePath(),
        "--kv", "memory:", "--port", "0", "--bind", "127.0.0.1"));
    ChildJvm jvm = ChildJvm.start(name, mainClass, jvmOptions, arguments, Map.of("CAIRN_ADMIN_TOKEN", token),
        directory.resolve(name + ".err"), line -> { });
    try {
      Matcher matcher = LISTENING.matcher(jvm.awaitLine(line -> LISTENING.matcher(line).find(), START_TIMEOUT));
      if (!matcher.find()) {
        throw new IOException(name + " printed no URL");
      }
      return new ServerChild(jvm, URI.create(matcher.group(1)));
    } catch (IOException | InterruptedException | RuntimeException e) {
      jvm.close();
      throw e;
    }
  }

  /** Where the API answers, e.g. {@code http://127.0.0.1:41234}. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** Kills the server with SIGKILL; returns its exit status (137 when killed). */
  public int kill9() throws InterruptedException {
    return jvm.kill9();
  }

  /** Stops the server with SIGTERM (graceful: running requests finish), SIGKILL after 20 s; idempotent. */
  @Override
  public void close() {
    jvm.close();
  }
}
