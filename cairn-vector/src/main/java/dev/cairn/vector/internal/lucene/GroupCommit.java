package dev.cairn.vector.internal.lucene;

import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.index.IndexWriter;

/**
 * Makes writes durable with as few fsyncs as possible: a writer that finished its change (sequence number
 * {@code seq}) waits for a commit that covers it. Whoever holds the lock commits everything finished so far, so
 * writers queued behind one commit usually find their change already covered and return without a commit of
 * their own (group commit). A commit covers every operation that completed before it started.
 */
final class GroupCommit {
  private final IndexWriter writer;
  private final boolean durable;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile long committedThrough = -1;

  GroupCommit(IndexWriter writer, boolean durable) {
    this.writer = writer;
    this.durable = durable;
  }

  /** Returns once the operation with sequence number {@code seq} is committed (at once on a memory index). */
  void awaitDurable(long seq) throws IOException {
    if (!durable || committedThrough >= seq) {
      return;
    }
    lock.lock();
    try {
      if (committedThrough >= seq) {
        return;
      }
      long committed = writer.commit();
      committedThrough = Math.max(committedThrough, Math.max(committed, seq));
    } finally {
      lock.unlock();
    }
  }
}
