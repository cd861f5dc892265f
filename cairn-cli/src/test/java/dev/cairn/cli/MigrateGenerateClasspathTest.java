package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.sql.registry.TableIndex;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: {@code migrate generate} could only see records on the CLI's own class path, so a user's project needed
 * undocumented {@code java -cp} tricks. {@code --classpath} names the project's classes: a record compiled here into
 * a folder of its own, with the table index cairn-sql's annotation processor writes.
 */
class MigrateGenerateClasspathTest {
  @TempDir
  Path dir;

  private Path classes;

  @BeforeEach
  void compileUserRecord() throws Exception {
    Path source = Files.createDirectories(dir.resolve("src/shop")).resolve("Gadget.java");
    Files.writeString(source, "package shop;\nimport dev.cairn.sql.Id;\nimport dev.cairn.sql.TableName;\n"
        + "@TableName(\"gadgets\")\npublic record Gadget(@Id Long id, String label, long grams) {}\n");
    classes = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int code = javac.run(null, null, errors, "-proc:none", "-cp", System.getProperty("java.class.path"),
        "-d", classes.toString(), source.toString());
    assertThat(code).as(errors.toString(StandardCharsets.UTF_8)).isZero();
    // What the annotation processor writes for this record.
    Path index = classes.resolve(TableIndex.RESOURCE);
    Files.createDirectories(index.getParent());
    Files.writeString(index, "framework\tshop.Gadget\n");
    // The user's database exists (generate refuses a missing file).
    dev.cairn.sql.Database.open("sqlite:" + dir.resolve("app.db")).close();
  }

  @Test
  void generate_withClasspath_seesTheUsersRecord_writesTheScript() throws Exception {
    CliRun run = generate("--classpath", classes.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("wrote");
    assertThat(Files.readString(dir.resolve("migrations/framework/V1__add_gadgets.sql"))).contains("gadgets");
  }

  @Test
  void generate_withoutClasspath_nothingWritten() {
    CliRun run = generate();

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("nothing written");
    assertThat(dir.resolve("migrations/framework/V1__add_gadgets.sql")).doesNotExist();
  }

  @Test
  void generate_missingClasspathEntry_usageError() {
    CliRun run = generate("--classpath", dir.resolve("nope").toString());

    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.errLines()).singleElement().asString().contains("--classpath: no such file or directory");
  }

  private CliRun generate(String... extra) {
    String[] base = {"migrate", "generate", "-m", "add gadgets", "--db", "sqlite:" + dir.resolve("app.db"),
        "--dir", dir.resolve("migrations").toString()};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return CliRun.of(args);
  }
}
