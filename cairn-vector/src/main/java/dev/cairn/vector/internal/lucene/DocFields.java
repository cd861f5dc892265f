package dev.cairn.vector.internal.lucene;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.ScoreDoc;

/**
 * Reads documents' ids and metadata JSON from their binary doc values. A hit is read by random access within a
 * small block, where a stored field would decompress the whole chunk of documents around it for every hit. The
 * hits of one search are read in document order with one iterator per segment and field (doc values iterate
 * forward only), not a new iterator per hit.
 */
final class DocFields {
  private DocFields() {}

  /** The value of {@code field} for one document. */
  static String read(IndexReader reader, String field, int doc) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    return value(leaf.reader().getBinaryDocValues(field), field, doc - leaf.docBase);
  }

  /** Fills {@code values[f][i]} with field {@code fields[f]} of hit {@code i}, for the first {@code count} hits. */
  static void readHits(IndexReader reader, ScoreDoc[] hits, int count, String[] fields, String[][] values)
      throws IOException {
    Integer[] order = new Integer[count];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingInt(i -> hits[i].doc));
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = null;
    BinaryDocValues[] iterators = new BinaryDocValues[fields.length];
    for (int i : order) {
      int doc = hits[i].doc;
      if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        for (int f = 0; f < fields.length; f++) {
          iterators[f] = leaf.reader().getBinaryDocValues(fields[f]);
        }
      }
      for (int f = 0; f < fields.length; f++) {
        values[f][i] = value(iterators[f], fields[f], doc - leaf.docBase);
      }
    }
  }

  private static String value(BinaryDocValues values, String field, int doc) throws IOException {
    if (values == null || !values.advanceExact(doc)) {
      throw new IOException("document " + doc + " of its segment has no " + field);
    }
    return values.binaryValue().utf8ToString();
  }
}
