package dev.cairn.subject.conformance;

import dev.cairn.subject.SubjectStorage;
import dev.cairn.subject.SubjectStorages;
import dev.cairn.testkit.MariaDbService;
import org.junit.jupiter.api.extension.RegisterExtension;

class MariaDbSubjectStorageTest extends SubjectStorageConformance {
  @RegisterExtension static final MariaDbService MARIADB = new MariaDbService();

  @Override
  protected SubjectStorage openStorage() {
    return SubjectStorages.open(MARIADB.url());
  }

  @Override
  protected boolean persistent() {
    return true;
  }
}
