package dev.cairn.kv.coord;

/** A Redis stream entry id {@code <ms>-<seq>}, for the memory twin of a stream. Immutable, ordered as Redis. */
record StreamId(long millis, long sequence) implements Comparable<StreamId> {
  static final StreamId ZERO = new StreamId(0, 0);

  static StreamId parse(String text) {
    int dash = text.indexOf('-');
    return new StreamId(Long.parseLong(text.substring(0, dash)), Long.parseLong(text.substring(dash + 1)));
  }

  /** The id XADD * gives at {@code nowMillis} after this one: the time, or this id's time with the next sequence. */
  StreamId next(long nowMillis) {
    return nowMillis > millis ? new StreamId(nowMillis, 0) : new StreamId(millis, sequence + 1);
  }

  @Override
  public int compareTo(StreamId other) {
    int byTime = Long.compare(millis, other.millis);
    return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
  }

  @Override
  public String toString() {
    return millis + "-" + sequence;
  }
}
