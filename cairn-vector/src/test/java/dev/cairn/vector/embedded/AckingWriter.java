package dev.cairn.vector.embedded;

import dev.cairn.vector.CollectionSpec;
import dev.cairn.vector.Metric;
import dev.cairn.vector.VectorCollection;
import dev.cairn.vector.VectorStore;
import java.util.Map;

/**
 * The child process of {@link KillNineTest}: upserts into {@code <directory>} forever, printing {@code acked <id>}
 * after each upsert returned Ok, until it is killed.
 */
public final class AckingWriter {
  private AckingWriter() {}

  public static void main(String[] args) {
    VectorStore store = VectorStore.open("vector:" + args[0]);
    VectorCollection collection = store.create(CollectionSpec.of("acked", 4, Metric.L2)).orElseThrow();
    System.out.println("ready");
    System.out.flush();
    for (int i = 0; ; i++) {
      collection.upsert("k" + i, new float[] {i, 1, 2, 3}, Map.of("i", i)).orElseThrow();
      System.out.println("acked k" + i);
      System.out.flush();
    }
  }
}
