package dev.cairn.kv.internal;

import dev.cairn.core.CairnException;
import dev.cairn.kv.Batch;
import dev.cairn.kv.SetOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@link Batch} a {@link PrefixedKeyValue} hands to the caller: checks and prefixes each command as it is
 * queued, then runs the queue on the backend once and fills every reply.
 */
final class QueuedBatch implements Batch {
  private final PrefixedKeyValue view;
  private final InputCheck check;
  // The result conversions, shared: a method reference or lambda written at each call would be a new object there.
  private static final Function<Object, Optional<String>> TEXT =
      value -> value == null ? Optional.empty() : Optional.of(new String((byte[]) value, StandardCharsets.UTF_8));
  private static final Function<Object, Optional<byte[]>> BYTES = value -> Optional.ofNullable((byte[]) value);
  private static final Function<Object, Boolean> BOOLEAN = Boolean.class::cast;
  private static final Function<Object, Long> LONG = Long.class::cast;

  // Sized for a typical pipeline of 16: growing from ArrayList's 10 copied both lists twice per such batch, which
  // was the top allocation site of `cairn bench kv`'s kv.set.p16 in a JFR profile.
  private final List<BatchCommand> commands = new ArrayList<>(16);
  private final List<Slot<?>> slots = new ArrayList<>(16);

  QueuedBatch(PrefixedKeyValue view, InputCheck check) {
    this.view = view;
    this.check = check;
  }

  @Override
  public Reply<Optional<String>> get(String key) {
    return queue(new BatchCommand.Get(view.fullKey(key)), TEXT);
  }

  @Override
  public Reply<Optional<byte[]>> getBytes(String key) {
    return queue(new BatchCommand.Get(view.fullKey(key)), BYTES);
  }

  @Override
  public Reply<Boolean> set(String key, String value, SetOptions options) {
    // checked as a single SET checks it: the message naming the key is built only on failure
    return setBytes(key, check.textValue(key, value).getBytes(StandardCharsets.UTF_8), options);
  }

  @Override
  public Reply<Boolean> setBytes(String key, byte[] value, SetOptions options) {
    Objects.requireNonNull(options, "options");
    String full = view.fullKey(key);
    return queue(new BatchCommand.Set(full, check.value(key, value), options), BOOLEAN);
  }

  @Override
  public Reply<Long> delete(String key) {
    return queue(new BatchCommand.Delete(view.fullKey(key)), LONG);
  }

  @Override
  public Reply<Boolean> exists(String key) {
    return queue(new BatchCommand.Exists(view.fullKey(key)), BOOLEAN);
  }

  @Override
  public Reply<Boolean> expire(String key, Duration ttl) {
    String full = view.fullKey(key);
    return queue(new BatchCommand.Expire(full, SetOptions.requireValidTtl(Objects.requireNonNull(ttl, "ttl"))),
        BOOLEAN);
  }

  @Override
  public Reply<Long> incrBy(String key, long delta) {
    return queue(new BatchCommand.IncrBy(view.fullKey(key), delta), LONG);
  }

  @Override
  public int size() {
    return commands.size();
  }

  /** Sends the queue, fills the replies, then throws the first failure in queue order, if any. */
  void run(Backend backend) {
    if (commands.isEmpty()) {
      return;
    }
    // not copied: the queue is not touched again once it runs (a reply read inside the callback throws instead)
    List<Object> results = backend.batch(Collections.unmodifiableList(commands));
    CairnException first = null;
    for (int i = 0; i < slots.size(); i++) {
      Object result = results.get(i);
      slots.get(i).fill(result);
      if (first == null && result instanceof CairnException failure) {
        first = failure;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private <T> Reply<T> queue(BatchCommand command, Function<Object, T> convert) {
    Slot<T> slot = new Slot<>(convert);
    commands.add(command);
    slots.add(slot);
    return slot;
  }

  /** A reply waiting for its result: a value, or the command's {@link CairnException}. */
  private static final class Slot<T> implements Reply<T> {
    private final Function<Object, T> convert;
    private boolean filled;
    private T value;
    private CairnException failure;

    Slot(Function<Object, T> convert) {
      this.convert = convert;
    }

    void fill(Object result) {
      if (result instanceof CairnException e) {
        failure = e;
      } else {
        value = convert.apply(result);
      }
      filled = true;
    }

    @Override
    public T get() {
      if (!filled) {
        throw new IllegalStateException("the batch has not run: read a reply after KeyValue.batch returned");
      }
      if (failure != null) {
        throw failure;
      }
      return value;
    }
  }
}
