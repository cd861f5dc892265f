package dev.cairn.server.http;

import dev.cairn.kv.KeyValue;
import dev.cairn.sql.Database;
import dev.cairn.sql.migrate.Migrations;
import dev.cairn.sql.registry.Databases;
import dev.cairn.subject.Subjects;
import dev.cairn.vector.VectorStore;
import java.util.Objects;
import java.util.Optional;

/**
 * What an {@link AdminServer} serves: a database and a key-value store, and optionally subjects and the named
 * databases. Immutable; the server owns none of them, so the caller closes them after the server.
 *
 * <pre>{@code
 * AdminStores.of(database, store).withSubjects(subjects).withRegistry(registry)
 * }</pre>
 *
 * @param database the database of {@code /api/v1/db} (without {@code ?db=}) and of {@code /health}
 * @param store the key-value store of {@code /api/v1/kv} and of {@code /health}
 * @param subjects the subjects of {@code /api/v1/subjects}; when empty the server keeps them in a private
 *     in-process storage that it closes itself
 * @param registry the named databases: {@code ?db=name} on the {@code /api/v1/db} endpoints addresses them, and
 *     the migrations and databases endpoints serve them; when empty those endpoints know only the default database
 * @param migrations the migrations of {@code database} itself, which {@code /api/v1/db/migrations/*} without
 *     {@code ?db=} act on; when empty those endpoints act on the registry's framework database (404 without one)
 * @param vectors the vector store of {@code /api/v1/vectors}; when empty those endpoints answer 404
 *     {@code VECTOR_STORE_NOT_CONFIGURED}
 */
public record AdminStores(Database database, KeyValue store, Optional<Subjects> subjects, Optional<Databases> registry,
    Optional<Migrations> migrations, Optional<VectorStore> vectors) {

  /**
   * Checks the components.
   *
   * @throws NullPointerException for a null argument
   */
  public AdminStores {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(subjects, "subjects");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(migrations, "migrations");
    Objects.requireNonNull(vectors, "vectors");
  }

  /** A database and a store, with private in-process subjects and no named databases. */
  public static AdminStores of(Database database, KeyValue store) {
    return new AdminStores(database, store, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty());
  }

  /** These stores serving {@code subjects} (never null) instead of private ones. */
  public AdminStores withSubjects(Subjects subjects) {
    return new AdminStores(database, store, Optional.of(subjects), registry, migrations, vectors);
  }

  /** These stores with {@code vectors} (never null) serving {@code /api/v1/vectors}. */
  public AdminStores withVectors(VectorStore vectors) {
    return new AdminStores(database, store, subjects, registry, migrations, Optional.of(vectors));
  }

  /** These stores with the named databases of {@code registry} (never null). */
  public AdminStores withRegistry(Databases registry) {
    return new AdminStores(database, store, subjects, Optional.of(registry), migrations, vectors);
  }

  /** These stores with the migrations of the default database (never null; see {@link Migrations#of}). */
  public AdminStores withMigrations(Migrations defaultMigrations) {
    return new AdminStores(database, store, subjects, registry, Optional.of(defaultMigrations), vectors);
  }
}
