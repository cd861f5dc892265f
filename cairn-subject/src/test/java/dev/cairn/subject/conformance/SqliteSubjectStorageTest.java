package dev.cairn.subject.conformance;

import dev.cairn.subject.SubjectStorage;
import dev.cairn.subject.SubjectStorages;
import dev.cairn.testkit.TestSupport;
import java.nio.file.Path;
import java.util.UUID;

/** The suite on a SQLite file under target/. */
class SqliteSubjectStorageTest extends SubjectStorageConformance {
  @Override
  protected SubjectStorage openStorage() {
    Path file = TestSupport.buildDirectory("cairn-sqlite")
        .resolve("subjects-" + UUID.randomUUID() + ".db");
    return SubjectStorages.open("sqlite:" + file);
  }

  @Override
  protected boolean persistent() {
    return true;
  }
}
