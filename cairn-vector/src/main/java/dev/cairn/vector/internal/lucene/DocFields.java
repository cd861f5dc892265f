package dev.cairn.vector.internal.lucene;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;

/**
 * Reads a document's id and metadata JSON from its binary doc values. A hit is read by random access within a
 * small block, where a stored field would decompress the whole chunk of documents around it for every hit.
 */
final class DocFields {
  private DocFields() {}

  static String read(IndexReader reader, String field, int doc) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    BinaryDocValues values = leaf.reader().getBinaryDocValues(field);
    if (values == null || !values.advanceExact(doc - leaf.docBase)) {
      throw new IOException("document " + doc + " has no " + field);
    }
    return values.binaryValue().utf8ToString();
  }
}
