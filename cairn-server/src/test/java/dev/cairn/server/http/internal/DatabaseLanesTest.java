package dev.cairn.server.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabaseLanesTest {
  private static final int CORES = Runtime.getRuntime().availableProcessors();

  @Test
  void sqliteReaders_poolLargerThanTheCores_oneThreadPerCore() {
    assertThat(DatabaseLanes.sqliteReaders(CORES + 8)).isEqualTo(CORES);
  }

  @Test
  void sqliteReaders_poolSmallerThanTheCores_thePoolSize() {
    assertThat(DatabaseLanes.sqliteReaders(1)).isEqualTo(1);
    assertThat(DatabaseLanes.sqliteReaders(CORES)).isEqualTo(CORES);
  }
}
