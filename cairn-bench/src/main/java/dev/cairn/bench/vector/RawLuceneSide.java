package dev.cairn.bench.vector;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene103.Lucene103Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene used directly with the same HNSW parameters and the same batches (one commit per batch of
 * {@link CairnSide#BATCH}), ids replaced by {@code updateDocument}, the cluster as a keyword field filtering the
 * KNN query: what an application would write without Cairn.
 */
final class RawLuceneSide implements VectorSide {
  private final Path directory;
  private final VectorBenchOptions options;
  private FSDirectory index;
  private IndexWriter writer;
  private DirectoryReader reader;
  private IndexSearcher searcher;
  private final Query filter = new TermInSetQuery("cluster",
      BenchData.FILTER_CLUSTERS.stream().map(c -> new BytesRef(String.valueOf(c))).toList());

  RawLuceneSide(Path directory, VectorBenchOptions options) {
    this.directory = directory;
    this.options = options;
  }

  @Override
  public String name() {
    return "lucene";
  }

  @Override
  public void build(BenchData data, BuildProgress progress) throws IOException {
    index = FSDirectory.open(directory);
    KnnVectorsFormat format = new Lucene99HnswVectorsFormat(options.m(), options.efConstruction());
    IndexWriterConfig config = new IndexWriterConfig().setRAMBufferSizeMB(256).setCodec(new Lucene103Codec() {
      @Override
      public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        return format;
      }
    });
    // The writer stays open, as Cairn's does: closing it would wait for the background merges, which Cairn's
    // build does not wait for either.
    writer = new IndexWriter(index, config);
    {
      for (int i = 0; i < data.vectors.length; i++) {
        writer.updateDocument(new Term("id", "v" + i), document(data, i));
        if ((i + 1) % CairnSide.BATCH == 0) {
          writer.commit();
        }
        progress.loaded(i + 1);
      }
      writer.commit();
    }
    reader = DirectoryReader.open(writer);
    searcher = new IndexSearcher(reader);
  }

  /**
   * Replaces vector {@code index} with one {@code updateDocument}, then commits when {@code commit} (what a
   * durable acknowledgement costs raw), or leaves it in the writer's buffer (durable only at the next commit).
   */
  void upsertOne(BenchData data, int index, boolean commit) throws IOException {
    writer.updateDocument(new Term("id", "v" + index), document(data, index));
    if (commit) {
      writer.commit();
    }
  }

  /** Segments in the reader the searches use. */
  int segments() {
    return reader.leaves().size();
  }

  @Override
  public List<Integer> search(float[] query, int k, int efSearch, boolean filtered) throws IOException {
    ScoreDoc[] hits = searcher.search(new KnnFloatVectorQuery("vector", query, Math.max(k, efSearch),
        filtered ? filter : null), Math.max(k, efSearch)).scoreDocs;
    StoredFields stored = searcher.storedFields();
    List<Integer> ids = new ArrayList<>(k);
    for (int i = 0; i < Math.min(k, hits.length); i++) {
      ids.add(Integer.parseInt(stored.document(hits[i].doc).get("id").substring(1)));
    }
    return ids;
  }

  private static Document document(BenchData data, int index) {
    Document document = new Document();
    document.add(new StringField("id", "v" + index, Field.Store.YES));
    document.add(new KnnFloatVectorField("vector", data.vectors[index], VectorSimilarityFunction.COSINE));
    document.add(new StringField("cluster", String.valueOf(data.clusters[index]), Field.Store.NO));
    return document;
  }

  @Override
  public double bytesPerVector(int count) throws IOException {
    return (double) DirectorySize.of(directory) / count;
  }

  @Override
  public void close() throws IOException {
    if (reader != null) {
      reader.close();
    }
    if (writer != null) {
      writer.close();
    }
    if (index != null) {
      index.close();
    }
  }
}
