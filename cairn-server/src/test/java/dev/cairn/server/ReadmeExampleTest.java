package dev.cairn.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the README honest: every {@code ```java} block of ../README.md must compile (lint-clean) against the
 * project, and the examples' {@code main}s must run on {@code sqlite::memory:} and {@code memory:} and print what the
 * README implies, twice in a row as written (a second run must not trip over the first one's data).
 */
class ReadmeExampleTest {
  private static final Pattern JAVA_BLOCK = Pattern.compile("^```java\\n(.*?)^```", Pattern.DOTALL | Pattern.MULTILINE);
  private static final Pattern APP_OUTPUT_BLOCK =
      Pattern.compile("^<!-- readme-app output -->\\n```text\\n(.*?)^```", Pattern.DOTALL | Pattern.MULTILINE);
  private static final Pattern TYPE_NAME =
      Pattern.compile("^public\\s+(?:final\\s+|abstract\\s+)*(?:class|record|interface|enum)\\s+(\\w+)",
          Pattern.MULTILINE);

  @TempDir
  Path workDir;

  @Test
  void javaBlocks_compileWithoutWarnings() throws IOException {
    List<Path> sources = writeJavaBlocks();

    compile(sources);

    assertThat(Files.exists(workDir.resolve("classes/ReadmeExample.class"))).isTrue();
  }

  @Test
  void example_runsOnSqliteMemory() throws Exception {
    compile(writeJavaBlocks());

    String output = runMain("ReadmeExample", "sqlite::memory:");

    assertThat(output.lines().toList()).containsExactly(
        "found Ada", "refused: DUPLICATE DUPLICATE_KEY", "2 of 2 match", "3 users");
  }

  @Test
  void kvExample_runsOnMemory() throws Exception {
    compile(writeJavaBlocks());

    String output = runMain("ReadmeKvExample", "memory:");

    assertThat(output.lines().toList()).containsExactly("param1=value123", "fencing token > 0: true",
        "allowed=true remaining=1", "allowed=true remaining=0", "allowed=false remaining=0");
  }

  @Test
  void vectorExample_runsOnMemory() throws Exception {
    compile(writeJavaBlocks());

    String output = runMain("ReadmeVectorExample", "vector::memory:");

    // a2 is closer but German, a3 English but from 2019: the filter leaves a1
    assertThat(output.lines().toList()).containsExactly("a1 2024");
  }

  @Test
  void examples_runTwiceWithTheirDefaults_printTheSameBothTimes() throws Exception {
    compile(writeJavaBlocks());

    for (String example : List.of("ReadmeExample", "ReadmeKvExample", "ReadmeVectorExample")) {
      String first = runMain(example);
      String second = runMain(example);

      assertThat(second).as("second run of %s", example).isEqualTo(first).isNotBlank();
    }
  }

  @Test
  void appOfUseFromYourProject_runsTwiceOnAFile_printsTheReadmeOutputBothTimes() throws Exception {
    compile(writeJavaBlocks());
    String url = "sqlite:" + workDir.resolve("data/app.db");

    String first = runMain("App", url);
    String second = runMain("App", url);

    List<String> expected = readmeAppOutput();
    assertThat(expected).contains("hello from cairn-sql", "hello from cairn-kv");
    assertThat(first.lines().toList()).containsExactlyElementsOf(expected);
    assertThat(second.lines().toList()).containsExactlyElementsOf(expected);
  }

  private List<Path> writeJavaBlocks() throws IOException {
    String readme = Files.readString(readmePath(), StandardCharsets.UTF_8);
    Matcher block = JAVA_BLOCK.matcher(readme);
    Path sourceDir = Files.createDirectories(workDir.resolve("src"));
    List<Path> sources = new ArrayList<>();
    while (block.find()) {
      String code = block.group(1);
      Matcher type = TYPE_NAME.matcher(code);
      String name = type.find() ? type.group(1) : "ReadmeSnippet" + sources.size();
      sources.add(Files.writeString(sourceDir.resolve(name + ".java"), code, StandardCharsets.UTF_8));
    }
    assertThat(sources).as("```java blocks in %s", readmePath()).isNotEmpty();
    return sources;
  }

  /** The block marked {@code <!-- readme-app output -->}: what the README says App prints (.ci/readme-app reads it). */
  private static List<String> readmeAppOutput() throws IOException {
    Matcher block = APP_OUTPUT_BLOCK.matcher(Files.readString(readmePath(), StandardCharsets.UTF_8));
    assertThat(block.find()).as("a ```text block after <!-- readme-app output --> in %s", readmePath()).isTrue();
    return block.group(1).lines().toList();
  }

  private void compile(List<Path> sources) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    assertThat(compiler).as("a JDK (not a JRE) runs the tests").isNotNull();
    Path classes = Files.createDirectories(workDir.resolve("classes"));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      List<String> options = List.of("--release", "21", "-Xlint:all,-path,-processing", "-Werror",
          "-proc:none", "-classpath", testClassPath(), "-d", classes.toString());
      Boolean ok = compiler.getTask(null, files, diagnostics, options, null,
          files.getJavaFileObjectsFromPaths(sources)).call();
      if (!ok) {
        fail("README example does not compile:%n%s", describe(diagnostics.getDiagnostics()));
      }
    }
  }

  private String runMain(String className, String... args) throws Exception {
    URL[] classes = {workDir.resolve("classes").toUri().toURL()};
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (URLClassLoader loader = new URLClassLoader(classes, getClass().getClassLoader())) {
      Method main = loader.loadClass(className).getMethod("main", String[].class);
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      main.invoke(null, (Object) args);
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  private static Path readmePath() {
    return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("../README.md").normalize();
  }

  // Surefire runs tests from a manifest-only jar; it publishes the real test class path in this property.
  private static String testClassPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
  }

  private static String describe(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    return diagnostics.stream()
        .map(d -> (d.getSource() == null ? "" : new File(d.getSource().getName()).getName() + ":" + d.getLineNumber()
            + ": ") + d.getKind() + ": " + d.getMessage(Locale.ROOT))
        .collect(Collectors.joining(System.lineSeparator()));
  }
}
