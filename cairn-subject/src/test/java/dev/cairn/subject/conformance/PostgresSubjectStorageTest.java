package dev.cairn.subject.conformance;

import dev.cairn.subject.SubjectStorage;
import dev.cairn.subject.SubjectStorages;
import dev.cairn.testkit.PostgresService;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresSubjectStorageTest extends SubjectStorageConformance {
  @RegisterExtension static final PostgresService POSTGRES = new PostgresService();

  @Override
  protected SubjectStorage openStorage() {
    return SubjectStorages.open(POSTGRES.url());
  }

  @Override
  protected boolean persistent() {
    return true;
  }
}
