package dev.cairn.sql.internal.migrate;

import dev.cairn.core.CairnException;
import dev.cairn.core.Result;
import dev.cairn.core.Status;
import dev.cairn.sql.Dialect;
import dev.cairn.sql.migrate.GeneratedMigration;
import dev.cairn.sql.migrate.MigrationProgress;
import dev.cairn.sql.migrate.MigrationStatus;
import dev.cairn.sql.migrate.Migrations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;

/**
 * {@link Migrations} on Flyway: a fresh Flyway per call (configuration is cheap and Flyway objects hold no
 * connection), pointed at the target's JDBC URL, its schema and its script location. Flyway's exceptions become
 * Failures here and nowhere else. Not API.
 */
public final class FlywayMigrations implements Migrations {
  private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+)*");

  private final MigrationTarget target;

  public FlywayMigrations(MigrationTarget target) {
    this.target = target;
  }

  FluentConfiguration configure() {
    FluentConfiguration configuration = Flyway.configure(FlywayMigrations.class.getClassLoader())
        .dataSource(target.jdbcUrl(), target.url().user(), target.url().password())
        .locations(location())
        .loggers("slf4j")
        .cleanDisabled(true)
        .baselineDescription("Cairn baseline");
    if (target.adoptExisting()) {
      // A user's own database has tables before its first migration; Flyway would refuse it as "non-empty
      // without history". Version 0 keeps every script from V1 on pending.
      configuration = configuration.baselineOnMigrate(true).baselineVersion("0");
    }
    if (target.schema() != null) {
      configuration = configuration.schemas(target.schema()).defaultSchema(target.schema()).createSchemas(false);
    }
    return configuration;
  }

  private String location() {
    return target.scriptDir() == null ? "classpath:db/migration/" + target.name()
        : "filesystem:" + target.scriptDir().toAbsolutePath();
  }

  @Override
  public Result<MigrationStatus> status() {
    return guarded("read the status", () -> {
      var info = configure().load().info();
      List<MigrationStatus.Migration> migrations = new ArrayList<>();
      for (MigrationInfo migration : info.all()) {
        migrations.add(new MigrationStatus.Migration(
            migration.getVersion() == null ? "" : migration.getVersion().getVersion(), migration.getDescription(),
            migration.getScript(), migration.getState().name(), migration.getChecksum(),
            migration.getInstalledOn() == null ? null : migration.getInstalledOn().toInstant()));
      }
      MigrationInfo current = info.current();
      String version = current == null || current.getVersion() == null ? null : current.getVersion().getVersion();
      return Result.ok(new MigrationStatus(target.name(), version, migrations));
    });
  }

  @Override
  public Result<List<String>> run(String targetVersion, MigrationProgress progress) {
    java.util.Objects.requireNonNull(progress, "progress");
    // "head" is the seed's (Alembic's) word for the newest version; "latest" is Flyway's.
    boolean latest = targetVersion == null || targetVersion.equals("latest") || targetVersion.equals("head");
    if (!latest && !VERSION.matcher(targetVersion).matches()) {
      return invalidTarget(targetVersion);
    }
    return guarded("migrate", () -> {
      MigrationVersion version = latest ? MigrationVersion.LATEST : MigrationVersion.fromVersion(targetVersion);
      FluentConfiguration configuration = configure().target(version);
      if (progress != MigrationProgress.NONE) {
        // Counted before migrating, to say "3/7"; Flyway's info() with the same target leaves out what lies above it.
        int total = configure().target(version).load().info().pending().length;
        configuration = configuration.callbacks(new ProgressCallback(progress, total));
      }
      MigrateResult result = configuration.load().migrate();
      List<String> applied = new ArrayList<>();
      for (MigrateOutput output : result.migrations) {
        applied.add(output.version);
      }
      return Result.ok(applied);
    });
  }

  @Override
  public Result<Void> validate() {
    return guarded("validate", () -> {
      ValidateResult result = configure().ignoreMigrationPatterns("*:pending").load().validateWithResult();
      if (!result.validationSuccessful) {
        return Result.failure(Status.INVALID, "VALIDATION_FAILED", "migrations of database '" + target.name()
            + "' do not match the history: " + oneLine(result.getAllErrorMessages()));
      }
      return Result.ok(null);
    });
  }

  @Override
  public Result<Void> baseline(String version) {
    String baseline = version == null ? "1" : version;
    if (!VERSION.matcher(baseline).matches()) {
      return invalidTarget(baseline);
    }
    return guarded("baseline", () -> {
      Flyway flyway = configure().baselineVersion(baseline).load();
      if (flyway.info().applied().length > 0) {
        return Result.failure(Status.INVALID, "ALREADY_MIGRATED", "database '" + target.name()
            + "' already has a migration history; baseline is for databases without one");
      }
      flyway.baseline();
      return Result.ok(null);
    });
  }

  @Override
  public Result<GeneratedMigration> generate(String message, boolean allowDestructive) {
    return guarded("generate", () -> new Generator(target, this).generate(message, allowDestructive));
  }

  @Override
  public Result<List<String>> downgrade(String targetVersion, MigrationProgress progress) {
    java.util.Objects.requireNonNull(progress, "progress");
    if (targetVersion == null || !VERSION.matcher(targetVersion).matches()) {
      return invalidTarget(targetVersion);
    }
    return guarded("downgrade", () -> new Downgrade(target, this, progress)
        .run(MigrationVersion.fromVersion(targetVersion)));
  }

  /** The applied versioned migrations (not baselines), oldest first. */
  List<MigrationInfo> applied() {
    List<MigrationInfo> applied = new ArrayList<>();
    for (MigrationInfo migration : configure().load().info().applied()) {
      if (migration.getVersion() != null && migration.getState().isApplied()
          && !migration.getType().isBaseline()) {
        applied.add(migration);
      }
    }
    return applied;
  }

  /** The highest major version in the history, baselines included (0 for none). */
  int highestRecorded() {
    int highest = 0;
    for (MigrationInfo migration : configure().load().info().applied()) {
      if (migration.getVersion() != null) {
        highest = Math.max(highest, migration.getVersion().getMajor().intValue());
      }
    }
    return highest;
  }

  Dialect dialect() {
    return target.database().dialect();
  }

  private <R> Result<R> invalidTarget(String version) {
    return Result.failure(Status.INVALID, "INVALID_TARGET", "'" + version
        + "' is not a migration version (digits separated by dots, or 'head' / 'latest')");
  }

  private <R> Result<R> guarded(String operation, Supplier<Result<R>> work) {
    try {
      return work.get();
    } catch (CairnException e) {
      return Result.failure(e);
    } catch (java.io.UncheckedIOException e) {
      return Result.failure(Status.ERROR, "MIGRATION_FILES_UNREADABLE", oneLine(e.getMessage() + ": "
          + e.getCause().getMessage()), Map.of("database", target.name()), e);
    } catch (FlywayException e) {
      String text = oneLine(e.getMessage());
      boolean unreachable = text.contains("Unable to obtain connection");
      return Result.failure(unreachable ? Status.UNAVAILABLE : Status.INVALID,
          unreachable ? "DATABASE_UNAVAILABLE" : "MIGRATION_FAILED",
          "cannot " + operation + " database '" + target.name() + "': " + text,
          Map.of("database", target.name()), e);
    }
  }

  static String oneLine(String text) {
    String line = String.valueOf(text).replaceAll("\\s+", " ").strip();
    return line.length() > 600 ? line.substring(0, 600) + "..." : line;
  }
}
