package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDK detection and staleness check of the {@code ./cairn} launcher, on fake JDKs in a temporary folder. */
class LauncherScriptTest {
  private static final Path LAUNCHER =
      Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("../cairn").normalize();

  @TempDir
  Path dir;

  @Test
  void javaFeatureVersion_releaseFile_featureVersion() throws Exception {
    assertThat(featureVersion(fakeJdk("jdk8", "1.8.0_392"))).isEqualTo("8");
    assertThat(featureVersion(fakeJdk("jdk17", "17.0.15"))).isEqualTo("17");
    assertThat(featureVersion(fakeJdk("jdk21", "21"))).isEqualTo("21");
    assertThat(featureVersion(fakeJdk("jdk25ea", "25-ea"))).isEqualTo("25");
  }

  @Test
  void javaFeatureVersion_noReleaseFile_asksJava() throws Exception {
    Path home = fakeJdk("bare", "21.0.2");
    Files.delete(home.resolve("release"));

    assertThat(featureVersion(home)).isEqualTo("21");
  }

  @Test
  void javaFeatureVersion_unparsableVersion_nothingAndNoFailure() throws Exception {
    assertThat(featureVersion(fakeJdk("odd", "unknown"))).isEmpty();
  }

  @Test
  void javaFeatureVersion_noJava_nothing() throws Exception {
    assertThat(featureVersion(Files.createDirectories(dir.resolve("empty")))).isEmpty();
  }

  @Test
  void findJdk_javaHomeNewEnough_usesIt() throws Exception {
    Path jdk25 = fakeJdk("jdk25", "25.0.1");

    String found = bash("find_jdk", Map.of("JAVA_HOME", jdk25.toString()));

    assertThat(found).isEqualTo(jdk25.toString());
  }

  @Test
  void findJdk_javaHomeTooOld_takesJavaOnThePath() throws Exception {
    Path jdk17 = fakeJdk("jdk17", "17.0.15");
    Path jdk21 = fakeJdk("jdk21", "21.0.4");

    String found = bash("find_jdk",
        Map.of("JAVA_HOME", jdk17.toString(), "PATH", jdk21.resolve("bin") + ":/usr/bin:/bin"));

    assertThat(found).isEqualTo(jdk21.toRealPath().toString());
  }

  @Test
  void needsBuild_jarMissing_true() throws Exception {
    Path root = fakeCheckout();

    assertThat(needsBuild(root)).isTrue();
  }

  @Test
  void needsBuild_jarNewerThanSources_false() throws Exception {
    Path root = fakeCheckout();
    Path jar = Files.createDirectories(root.resolve("cairn-cli/target")).resolve("cairn.jar");
    Files.writeString(jar, "jar");
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));

    assertThat(needsBuild(root)).isFalse();
  }

  @Test
  void needsBuild_sourceNewerThanJar_true() throws Exception {
    Path root = fakeCheckout();
    Path jar = Files.createDirectories(root.resolve("cairn-cli/target")).resolve("cairn.jar");
    Files.writeString(jar, "jar");
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
    Path source = root.resolve("cairn-core/src/main/java/A.java");
    Files.setLastModifiedTime(source, FileTime.from(Instant.now().plusSeconds(120)));

    assertThat(needsBuild(root)).isTrue();
  }

  @Test
  void cairnJar_theShadedJarOfTheCliModule() throws Exception {
    Path root = LAUNCHER.getParent();

    String jar = bash("cairn_jar '" + root + "'", Map.of());

    assertThat(jar).isEqualTo(root.resolve("cairn-cli/target/cairn.jar").toString());
    assertThat(Files.readString(root.resolve("cairn-cli/pom.xml")))
        .contains("<outputFile>${project.build.directory}/cairn.jar</outputFile>");
  }

  private String featureVersion(Path home) throws Exception {
    return bash("java_feature_version '" + home + "'", Map.of());
  }

  private boolean needsBuild(Path root) throws Exception {
    String jar = root.resolve("cairn-cli/target/cairn.jar").toString();
    return bash("if needs_build '" + jar + "' '" + root + "'; then echo yes; else echo no; fi", Map.of())
        .equals("yes");
  }

  /** A JDK home with a release file and a bin/java that prints a version banner like the real one. */
  private Path fakeJdk(String name, String version) throws IOException {
    Path home = Files.createDirectories(dir.resolve(name));
    Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
    Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
    Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"" + version + "\" 2024-01-16' >&2\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    return home;
  }

  private Path fakeCheckout() throws IOException {
    Path root = Files.createDirectories(dir.resolve("checkout"));
    Files.writeString(root.resolve("pom.xml"), "<project/>");
    Files.writeString(Files.createDirectories(root.resolve("cairn-core")).resolve("pom.xml"), "<project/>");
    Files.writeString(Files.createDirectories(root.resolve("cairn-core/src/main/java")).resolve("A.java"), "");
    for (Path file : new Path[] {
        root.resolve("pom.xml"), root.resolve("cairn-core/pom.xml"), root.resolve("cairn-core/src/main/java/A.java")}) {
      Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
    }
    return root;
  }

  /** Sources the launcher (which then defines its functions without running) and runs {@code script}. */
  private String bash(String script, Map<String, String> environment) throws Exception {
    ProcessBuilder builder = new ProcessBuilder("bash", "-c", "set -euo pipefail; source '" + LAUNCHER + "'; " + script)
        .directory(dir.toFile())
        .redirectErrorStream(false);
    builder.environment().remove("JAVA_HOME");
    builder.environment().putAll(environment);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("bash finished").isTrue();
    assertThat(process.exitValue()).as("exit code of '%s'; stderr: %s", script, err).isZero();
    return out;
  }
}
