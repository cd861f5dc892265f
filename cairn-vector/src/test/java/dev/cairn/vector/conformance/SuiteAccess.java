package dev.cairn.vector.conformance;

import dev.cairn.vector.Metric;
import dev.cairn.vector.VectorCollection;
import dev.cairn.vector.VectorStore;

/** What the conformance interfaces need from the suite class that binds a backend. */
interface SuiteAccess {
  VectorStore store();

  /** The 20,000-vector collection for {@code metric}, built once per class. */
  VectorCollection large(Metric metric);

  /** A new, empty collection only the calling test uses. */
  VectorCollection fresh(int dimension, Metric metric);

  /** A second store at {@code place}; the caller closes it. */
  VectorStore reopen(String place);

  boolean keepsData();
}
