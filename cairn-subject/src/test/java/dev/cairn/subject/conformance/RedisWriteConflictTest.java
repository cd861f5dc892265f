package dev.cairn.subject.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.ConflictException;
import dev.cairn.kv.KeyValue;
import dev.cairn.subject.SubjectStorages;
import dev.cairn.subject.Subjects;
import dev.cairn.subject.Write;
import dev.cairn.testkit.RedisService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The optimistic (WATCH) path on Redis gives up with a clear CONFLICT after its bound instead of looping. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisWriteConflictTest {
  @RegisterExtension static final RedisService REDIS = new RedisService();
  private static final int MAX_ATTEMPTS = 3;

  private KeyValue kv;
  private Subjects bounded;
  private Subjects interloper;

  @BeforeAll
  void open() {
    kv = KeyValue.open(REDIS.url());
    bounded = Subjects.on(SubjectStorages.redis(kv, REDIS.keyPrefix(), MAX_ATTEMPTS));
    interloper = Subjects.on(SubjectStorages.redis(kv, REDIS.keyPrefix()));
  }

  @AfterAll
  void close() {
    interloper.get("raced").flush();
    bounded.close();
    interloper.close();
    kv.close();
  }

  @Test
  void setFunction_otherWriterAlwaysWinsTheRace_conflictAfterBoundAndOnlyTheOtherWritesStored() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(() -> bounded.get("raced").set("n", old -> {
      // another writer changes the subject between our WATCH and EXEC, every time
      interloper.get("raced").set("other", calls.incrementAndGet(), Write.DIRECT);
      return 1L;
    }, Write.DIRECT)).isInstanceOf(ConflictException.class)
        .hasFieldOrPropertyWithValue("code", "SUBJECT_WRITE_CONFLICT")
        .hasMessageContaining("after " + MAX_ATTEMPTS + " attempts");

    assertThat(calls).hasValue(MAX_ATTEMPTS);
    assertThat(interloper.get("raced").has("n")).isFalse();
    assertThat(interloper.get("raced").get("other")).isEqualTo((long) MAX_ATTEMPTS);
    assertThat(bounded.get("raced").set("n", old -> 2L, Write.DIRECT).value()).as("still usable").isEqualTo(2L);
  }
}
