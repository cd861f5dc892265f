package dev.cairn.testkit;

import dev.cairn.testkit.internal.PostgresType;
import dev.cairn.testkit.internal.PrivateServer;
import dev.cairn.testkit.internal.Processes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A private PostgreSQL on which one extension is genuinely not installable, for testing what a store says then:
 *
 * <pre>{@code
 * try (PostgresWithoutExtension postgres = PostgresWithoutExtension.start("vector", workDirectory)) {
 *   VectorStore.open(postgres.url()) ... // CREATE EXTENSION vector fails as on a server without pgvector
 * }
 * }</pre>
 *
 * <p>It runs a relocated copy of the installed server: Debian's PostgreSQL finds its share and lib directories
 * relative to its binaries ({@code /usr/lib/postgresql/15/bin} → {@code /usr/share/postgresql/15}), so a copy of
 * the binaries under {@code /tmp/cairn-pgx-<hash>/usr/lib/postgresql/15/bin} reads a copy of the share directory
 * whose {@code extension/} lacks the extension's control and script files (the libraries are the installed ones,
 * linked). No mock: {@code CREATE EXTENSION} fails in the server itself. The cluster is a throw-away one, as the
 * private clusters of {@link PostgresService}; {@link #close()} stops it and deletes the copy.
 *
 * <p>Without an installed PostgreSQL 15 the test is skipped, or fails when {@code CAIRN_REQUIRE_SERVICES=1}.
 */
public final class PostgresWithoutExtension implements AutoCloseable {
  private static final Path INSTALLED_SHARE = Path.of("/usr/share/postgresql/15");
  private static final Path INSTALLED_LIB = Path.of("/usr/lib/postgresql/15/lib");
  /** The executables a cluster needs: initdb runs postgres from its own directory, pg_ctl starts and stops it. */
  private static final List<String> EXECUTABLES = List.of("postgres", "initdb", "pg_ctl");

  private final Path copy;
  private final PrivateServer server;

  private PostgresWithoutExtension(Path copy, PrivateServer server) {
    this.copy = copy;
    this.server = server;
  }

  /**
   * Starts the server; {@code workDirectory} (e.g. under {@code target/}) keeps the log of the commands run.
   *
   * @param extension the extension name whose files are left out, such as {@code vector}
   */
  public static PostgresWithoutExtension start(String extension, Path workDirectory) throws Exception {
    if (!Files.isExecutable(PostgresType.BIN.resolve("initdb")) || !Files.isDirectory(INSTALLED_SHARE)) {
      String reason = "PostgreSQL 15 is not installed in " + PostgresType.BIN;
      if ("1".equals(System.getenv("CAIRN_REQUIRE_SERVICES"))) {
        throw new IllegalStateException(reason + " (failing because CAIRN_REQUIRE_SERVICES=1)");
      }
      Assumptions.abort(reason);
    }
    Path copy = copyRoot(workDirectory);
    Processes.deleteTree(copy);
    try {
      Path bin = copy.resolve("usr/lib/postgresql/15/bin");
      Files.createDirectories(bin);
      for (String executable : EXECUTABLES) {
        // A copy, not a link: PostgreSQL resolves links to its executable before looking for share/.
        Files.copy(PostgresType.BIN.resolve(executable), bin.resolve(executable));
      }
      Files.createSymbolicLink(copy.resolve("usr/lib/postgresql/15/lib"), INSTALLED_LIB);
      copyShareWithout(extension, copy.resolve("usr/share/postgresql/15"));
      return new PostgresWithoutExtension(copy, PostgresType.start(bin, workDirectory.resolve("cluster")));
    } catch (Exception e) {
      Processes.deleteTree(copy);
      throw e;
    }
  }

  /** Admin URL of the server (database {@code postgres}, user postgres, trust). */
  public String url() {
    return server.url().toString();
  }

  @Override
  public void close() throws IOException {
    server.stop();
    Processes.deleteTree(copy);
  }

  private static void copyShareWithout(String extension, Path share) throws IOException {
    try (Stream<Path> files = Files.walk(INSTALLED_SHARE)) {
      for (Path source : files.toList()) {
        Path relative = INSTALLED_SHARE.relativize(source);
        if (isExtensionFile(relative, extension)) {
          continue;
        }
        Path target = share.resolve(relative.toString());
        if (Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, LinkOption.NOFOLLOW_LINKS);
        }
      }
    }
  }

  /** {@code extension/<name>.control} and {@code extension/<name>--<versions>.sql}. */
  private static boolean isExtensionFile(Path relative, String extension) {
    String name = relative.getFileName() == null ? "" : relative.getFileName().toString();
    return relative.getNameCount() == 2 && relative.getName(0).toString().equals("extension")
        && (name.equals(extension + ".control") || name.startsWith(extension + "--"));
  }

  /** {@code /tmp/cairn-pgx-<hash of the work directory>}: readable by user postgres, one per build tree. */
  private static Path copyRoot(Path workDirectory) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(
          workDirectory.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
      return Path.of("/tmp", "cairn-pgx-" + HexFormat.of().formatHex(digest, 0, 8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
