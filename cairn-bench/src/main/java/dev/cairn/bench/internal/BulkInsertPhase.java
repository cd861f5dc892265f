package dev.cairn.bench.internal;

import java.util.ArrayList;
import java.util.List;

/** {@code bulk_insert}: N rows in chunks, one batch and one transaction per chunk. Operations are rows. */
final class BulkInsertPhase implements Phase {
  private final List<List<UserData>> chunks;
  private final int rows;

  BulkInsertPhase(Workload workload) {
    this.rows = workload.rows();
    this.chunks = new ArrayList<>();
    for (int start = 0; start < rows; start += workload.chunkSize()) {
      List<UserData> chunk = new ArrayList<>(workload.chunkSize());
      for (int index = start; index < Math.min(rows, start + workload.chunkSize()); index++) {
        chunk.add(UserData.of(index));
      }
      chunks.add(List.copyOf(chunk));
    }
  }

  @Override
  public String name() {
    return "bulk_insert";
  }

  @Override
  public int operations() {
    return rows;
  }

  @Override
  public long run(UserStore store, long[] ids, Progress progress) {
    long done = 0;
    for (List<UserData> chunk : chunks) {
      store.insertChunk(chunk);
      done += chunk.size();
      progress.update(done, rows);
    }
    return done;
  }
}
