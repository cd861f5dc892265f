package dev.cairn.vector.internal.lucene;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;

/** Reads a document's vector back from the vector index itself (it is not stored twice). */
final class StoredVectors {
  private StoredVectors() {}

  static float[] read(IndexReader reader, String field, int doc) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    FloatVectorValues values = leaf.reader().getFloatVectorValues(field);
    int local = doc - leaf.docBase;
    KnnVectorValues.DocIndexIterator docs = values.iterator();
    if (docs.advance(local) != local) {
      throw new IOException("document " + doc + " has no vector");
    }
    return values.vectorValue(docs.index()).clone();
  }
}
