package dev.cairn.vector.internal.lucene;

import java.io.IOException;
import java.util.Comparator;
import java.util.PriorityQueue;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/** Brute-force top-k over every live vector that matches the filter: the ground truth for recall. */
final class ExactSearch {
  private static final Comparator<ScoreDoc> WORST_FIRST =
      Comparator.<ScoreDoc>comparingDouble(hit -> hit.score).thenComparing(hit -> -hit.doc);

  private ExactSearch() {}

  static TopDocs top(IndexSearcher searcher, String field, VectorSimilarityFunction similarity, float[] target,
      int k, Query filter) throws IOException {
    Weight allowed = filter == null ? null
        : searcher.createWeight(searcher.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1f);
    PriorityQueue<ScoreDoc> best = new PriorityQueue<>(k + 1, WORST_FIRST);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      FloatVectorValues values = leaf.reader().getFloatVectorValues(field);
      if (values == null) {
        continue;
      }
      DocIdSetIterator matching = null;
      if (allowed != null) {
        Scorer scorer = allowed.scorer(leaf);
        if (scorer == null) {
          continue;
        }
        matching = scorer.iterator();
      }
      Bits live = leaf.reader().getLiveDocs();
      KnnVectorValues.DocIndexIterator docs = values.iterator();
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        if (matching != null && (matching.docID() < doc ? matching.advance(doc) : matching.docID()) != doc) {
          continue;
        }
        best.add(new ScoreDoc(leaf.docBase + doc, similarity.compare(target, values.vectorValue(docs.index()))));
        if (best.size() > k) {
          best.poll();
        }
      }
    }
    ScoreDoc[] ordered = new ScoreDoc[best.size()];
    for (int i = ordered.length - 1; i >= 0; i--) {
      ordered[i] = best.poll();
    }
    return new TopDocs(new TotalHits(ordered.length, TotalHits.Relation.EQUAL_TO), ordered);
  }
}
