package dev.cairn.subject.conformance;

import dev.cairn.subject.SubjectStorage;
import dev.cairn.subject.SubjectStorages;

class MemorySubjectStorageTest extends SubjectStorageConformance {
  @Override
  protected SubjectStorage openStorage() {
    return SubjectStorages.memory();
  }

  @Override
  protected boolean persistent() {
    return false;
  }
}
