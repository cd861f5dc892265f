package dev.cairn.vector.internal.lucene;

import dev.cairn.vector.CollectionSpec;
import java.io.IOException;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene103.Lucene103Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;

/**
 * Opens the writer of a collection's index with its HNSW parameters. The codec keeps Lucene's default name, and
 * the per-field vector format records its own, so the index reads back with stock Lucene (no custom SPI name).
 */
final class IndexOpener {
  /** Large enough that a batch of 100k vectors of dimension 128 becomes one segment, not many small graphs. */
  private static final double RAM_BUFFER_MB = 256;

  private IndexOpener() {}

  static LuceneCollection open(CollectionSpec spec, Directory directory, boolean durable) throws IOException {
    KnnVectorsFormat format = new Lucene99HnswVectorsFormat(spec.index().m(), spec.index().efConstruction());
    IndexWriterConfig config = new IndexWriterConfig()
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
        .setRAMBufferSizeMB(RAM_BUFFER_MB)
        .setCommitOnClose(true)
        // Lucene would let a commit wait up to 500 ms for merges of the segments it flushes: every acknowledged
        // single upsert would pay it. Merges run in the background instead.
        .setMaxFullFlushMergeWaitMillis(0)
        .setCodec(new Lucene103Codec() {
          @Override
          public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
            return format;
          }
        });
    IndexWriter writer = new IndexWriter(directory, config);
    try {
      if (durable) {
        writer.commit(); // a new index exists on disk (segments file) before the collection is acknowledged
      }
      return new LuceneCollection(spec, directory, writer, durable);
    } catch (IOException | RuntimeException e) {
      writer.close();
      throw e;
    }
  }
}
