package dev.cairn.vector.conformance;

import dev.cairn.vector.VectorStore;

class EmbeddedMemoryConformanceTest extends VectorStoreConformance {
  @Override
  protected VectorStore open(String place) {
    return VectorStore.open("vector::memory:");
  }

  @Override
  protected boolean persistent() {
    return false;
  }
}
