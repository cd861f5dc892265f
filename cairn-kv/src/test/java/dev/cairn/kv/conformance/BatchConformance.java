package dev.cairn.kv.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.CairnException;
import dev.cairn.core.InvalidInputException;
import dev.cairn.kv.Batch.Reply;
import dev.cairn.kv.KeyValue;
import dev.cairn.kv.SetOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@link KeyValue#batch} ({@link dev.cairn.kv.Batch}): commands queued and sent together, part of {@link KeyValueConformance}. On a Cluster the
 * keys below fall into different slots (and nodes), so the same tests check that each command reaches its key's node.
 */
public interface BatchConformance extends KeyValueFixture {

  @Test
  default void batch_mixedCommands_repliesInOrderAndAppliedAsSingleCommands() {
    kv().set("existing", "old");
    kv().set("counter", "41");
    List<Reply<?>> replies = new ArrayList<>();
    AtomicReference<Reply<Optional<String>>> readBack = new AtomicReference<>();

    kv().batch(batch -> {
      replies.add(batch.get("existing"));
      replies.add(batch.get("missing"));
      replies.add(batch.set("fresh", "new"));
      replies.add(batch.set("existing", "never", SetOptions.ifAbsent()));
      replies.add(batch.incrBy("counter", 1));
      replies.add(batch.exists("fresh"));
      replies.add(batch.delete("existing"));
      replies.add(batch.delete("missing"));
      replies.add(batch.expire("missing", Duration.ofMinutes(1)));
      // queue order holds per key: the read sees the write queued before it
      readBack.set(batch.get("fresh"));
      assertThat(batch.size()).isEqualTo(10);
    });

    List<Object> answered = replies.stream().<Object>map(Reply::get).toList();
    assertThat(answered).containsExactly(Optional.of("old"), Optional.empty(), true, false, 42L, true, 1L, 0L, false);
    assertThat(readBack.get().get()).contains("new");
    assertThat(kv().get("fresh")).contains("new");
    assertThat(kv().exists("existing")).isFalse();
    assertThat(kv().get("counter")).contains("42");
  }

  @Test
  default void batch_manyKeys_everyWriteStoredAndEveryReadAnswered() {
    int count = 500;
    kv().batch(batch -> {
      for (int i = 0; i < count; i++) {
        batch.set("k" + i, "v" + i, Duration.ofMinutes(5));
      }
    });
    List<Reply<Optional<String>>> reads = new ArrayList<>();

    kv().batch(batch -> {
      for (int i = 0; i < count; i++) {
        reads.add(batch.get("k" + i));
      }
    });

    for (int i = 0; i < count; i++) {
      assertThat(reads.get(i).get()).as("key k%d", i).contains("v" + i);
    }
    assertThat(kv().ttl("k499").timeLeft()).isPresent();
  }

  @Test
  default void batch_largeValuesAndNonAsciiKeys_sameBytesAsSingleCommands() {
    // 20 values of 20,000 bytes: more than a plain Redis batch connection takes in one write (64 KiB), and
    // each reply larger than its read buffer (16 KiB)
    List<byte[]> values = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      byte[] value = new byte[20_000];
      for (int b = 0; b < value.length; b++) {
        value[b] = (byte) (b * 31 + i);
      }
      values.add(value);
    }
    kv().batch(batch -> {
      for (int i = 0; i < values.size(); i++) {
        batch.setBytes("big" + i, values.get(i), SetOptions.always());
      }
      batch.set("ключ-🗝-" + 1, "значение");
    });
    List<Reply<Optional<byte[]>>> reads = new ArrayList<>();
    List<Reply<Optional<String>>> small = new ArrayList<>();
    kv().batch(batch -> {
      reads.add(batch.getBytes("big7"));
      small.add(batch.get("ключ-🗝-1"));
      small.add(batch.get("ключ-🗝-2"));
    });

    assertThat(reads.getFirst().get()).hasValueSatisfying(read -> assertThat(read).isEqualTo(values.get(7)));
    assertThat(small).extracting(Reply::get).containsExactly(Optional.of("значение"), Optional.empty());
    assertThat(kv().getBytes("big19")).hasValueSatisfying(read -> assertThat(read).isEqualTo(values.get(19)));
    assertThat(kv().get("ключ-🗝-1")).contains("значение");
  }

  @Test
  default void batch_bytes_roundTrip() {
    byte[] binary = {0, (byte) 0xff, 0x7f, (byte) 0x80};
    AtomicReference<Reply<Optional<byte[]>>> read = new AtomicReference<>();

    kv().batch(batch -> {
      batch.setBytes("bin", binary, SetOptions.always());
      read.set(batch.getBytes("bin"));
    });

    assertThat(read.get().get()).hasValueSatisfying(value -> assertThat(value).containsExactly(binary));
  }

  @Test
  default void batch_oneCommandFails_othersAppliedAndBatchThrowsThatFailure() {
    kv().hashSet("hash", "f", "v");
    kv().set("text", "not a number");
    List<Reply<?>> replies = new ArrayList<>();

    assertThatThrownBy(() -> kv().batch(batch -> {
      replies.add(batch.set("before", "1"));
      replies.add(batch.incrBy("text", 1));
      replies.add(batch.get("hash"));
      replies.add(batch.set("after", "2"));
    })).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("NOT_AN_INTEGER"));

    assertThat(replies.get(0).get()).isEqualTo(true);
    assertThatThrownBy(replies.get(1)::get)
        .isInstanceOfSatisfying(CairnException.class, e -> assertThat(e.code()).isEqualTo("NOT_AN_INTEGER"));
    assertThatThrownBy(replies.get(2)::get)
        .isInstanceOfSatisfying(CairnException.class, e -> assertThat(e.code()).isEqualTo("WRONG_TYPE"));
    assertThat(replies.get(3).get()).isEqualTo(true);
    assertThat(kv().get("before")).contains("1");
    assertThat(kv().get("after")).contains("2");
    assertThat(kv().get("text")).contains("not a number");
  }

  @Test
  default void batch_badKeyQueued_nothingSent() {
    AtomicReference<Reply<Boolean>> queued = new AtomicReference<>();

    assertThatThrownBy(() -> kv().batch(batch -> {
      queued.set(batch.set("good", "value"));
      batch.set("", "value");
    })).isInstanceOf(InvalidInputException.class);

    assertThat(kv().exists("good")).isFalse();
    assertThatThrownBy(queued.get()::get).isInstanceOf(IllegalStateException.class);
  }

  @Test
  default void batch_loneSurrogateValue_refusedAndNothingSent() {
    assertThatThrownBy(() -> kv().batch(batch -> {
      batch.set("good", "value");
      batch.set("bad", "x\uD800y");
    })).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.code()).isEqualTo("INVALID_UNICODE"));

    assertThat(kv().exists("good")).isFalse();
    assertThat(kv().exists("bad")).isFalse();
  }

  @Test
  default void batch_replyReadInsideTheCallback_illegalState() {
    assertThatThrownBy(() -> kv().batch(batch -> batch.get("k").get())).isInstanceOf(IllegalStateException.class);
  }

  @Test
  default void batch_empty_sendsNothing() {
    kv().batch(batch -> assertThat(batch.size()).isZero());
  }

  @Test
  default void batch_viewPrefix_appliedToEveryKey() {
    KeyValue inner = kv().withPrefix("inner:");

    inner.batch(batch -> batch.set("k", "v"));

    assertThat(kv().get("inner:k")).contains("v");
    assertThat(kv().get("k")).isEmpty();
  }

  @Test
  default void batch_concurrentBatchesOnOneCounter_noIncrementLost() throws Exception {
    int threads = 16;
    int perBatch = 50;
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      running.add(threads().submit(() -> kv().batch(batch -> {
        for (int i = 0; i < perBatch; i++) {
          batch.incrBy("shared", 1);
        }
      })));
    }
    for (Future<?> future : running) {
      future.get();
    }

    assertThat(kv().get("shared")).contains(String.valueOf(threads * perBatch));
  }

  @Test
  default void batch_textValue_storedAsUtf8() {
    kv().batch(batch -> batch.set("unicode", "h\u00e9llo \uD83D\uDE00"));

    assertThat(kv().getBytes("unicode")).hasValueSatisfying(
        bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("h\u00e9llo \uD83D\uDE00"));
  }
}
