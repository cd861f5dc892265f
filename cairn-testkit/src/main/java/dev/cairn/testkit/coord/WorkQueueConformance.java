package dev.cairn.testkit.coord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.InvalidInputException;
import dev.cairn.kv.coord.Job;
import dev.cairn.kv.coord.WorkQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every backend must show for {@link WorkQueue}: order, single delivery, owner-only ack, reclaim of
 * jobs whose consumer stopped after the visibility timeout, waking on push, and input checks. Time passes through
 * {@link #passTime}.
 */
public abstract class WorkQueueConformance extends CoordinationSuite {
  private static final Duration VISIBILITY = Duration.ofMillis(300);
  private static final Duration PAST_VISIBILITY = Duration.ofMillis(500);

  private final List<WorkQueue> opened = new ArrayList<>();
  private ExecutorService threads;

  @BeforeEach
  void startThreads() {
    threads = Executors.newVirtualThreadPerTaskExecutor();
  }

  @AfterEach
  void closeQueues() {
    threads.shutdownNow();
    opened.forEach(WorkQueue::close);
    opened.clear();
  }

  private WorkQueue consumer(Duration visibility) {
    WorkQueue queue = WorkQueue.on(kv, "jobs", visibility);
    opened.add(queue);
    return queue;
  }

  @Test
  void take_emptyQueue_isEmptyAfterWait() {
    WorkQueue queue = consumer(VISIBILITY);

    assertThat(queue.take(Duration.ZERO)).isEmpty();
    assertThat(queue.take(Duration.ofMillis(150))).isEmpty();
  }

  @Test
  void take_pushedJobs_comeInPushOrderOnce() {
    WorkQueue queue = consumer(Duration.ofMinutes(1));
    List<String> ids = List.of(queue.push("a"), queue.push("b"), queue.push("c"));

    List<Job> taken = List.of(take(queue), take(queue), take(queue));

    assertThat(taken).extracting(Job::payload).containsExactly("a", "b", "c");
    assertThat(taken).extracting(Job::id).isEqualTo(ids);
    assertThat(taken).extracting(Job::deliveries).containsOnly(1L);
    assertThat(queue.take(Duration.ZERO)).isEmpty();
  }

  @Test
  void ack_byHolder_removesJobForGood() {
    WorkQueue queue = consumer(VISIBILITY);
    queue.push("work");
    Job job = take(queue);

    assertThat(queue.ack(job)).isTrue();

    assertThat(queue.ack(job)).isFalse();
    passTime(PAST_VISIBILITY);
    assertThat(consumer(VISIBILITY).take(Duration.ZERO)).isEmpty();
  }

  @Test
  void take_beforeVisibilityTimeout_leavesOthersJobAlone() {
    WorkQueue first = consumer(Duration.ofMinutes(1));
    WorkQueue second = consumer(Duration.ofMinutes(1));
    first.push("work");
    take(first);

    assertThat(second.take(Duration.ZERO)).isEmpty();
  }

  @Test
  void take_jobOfStoppedConsumer_isReclaimedAfterVisibilityTimeout() {
    WorkQueue stopped = consumer(VISIBILITY);
    WorkQueue healthy = consumer(VISIBILITY);
    stopped.push("work");
    Job abandoned = take(stopped);

    passTime(PAST_VISIBILITY);
    Job reclaimed = take(healthy);

    assertThat(reclaimed.id()).isEqualTo(abandoned.id());
    assertThat(reclaimed.payload()).isEqualTo("work");
    assertThat(reclaimed.deliveries()).isEqualTo(2);
    assertThat(stopped.ack(abandoned)).as("late ack by the stopped consumer").isFalse();
    assertThat(healthy.ack(reclaimed)).isTrue();
    passTime(PAST_VISIBILITY);
    assertThat(healthy.take(Duration.ZERO)).isEmpty();
  }

  @Test
  void extend_byHolder_keepsJobPastVisibilityTimeout() {
    Duration visibility = Duration.ofSeconds(1);
    WorkQueue holder = consumer(visibility);
    WorkQueue other = consumer(visibility);
    holder.push("long work");
    Job job = take(holder);

    passTime(Duration.ofMillis(600));
    assertThat(holder.extend(job)).isTrue();
    passTime(Duration.ofMillis(600));

    assertThat(other.take(Duration.ZERO)).as("taken 1.2 s ago, extended 0.6 s ago").isEmpty();
    passTime(Duration.ofMillis(1200));
    Job reclaimed = take(other);
    assertThat(reclaimed.deliveries()).isEqualTo(2);
    assertThat(holder.extend(job)).as("extend after the job was reclaimed").isFalse();
    assertThat(other.ack(reclaimed)).isTrue();
  }

  @Test
  void take_abandonedAndNewJobs_reclaimsAbandonedFirst() {
    WorkQueue stopped = consumer(VISIBILITY);
    WorkQueue healthy = consumer(VISIBILITY);
    stopped.push("old");
    take(stopped);
    stopped.push("new");

    passTime(PAST_VISIBILITY);

    Job old = take(healthy);
    assertThat(old.payload()).isEqualTo("old");
    // Acknowledged at once: on a loaded machine the next take may come later than the 300 ms visibility
    // timeout, and an unacknowledged "old" would then rightly be reclaimed again instead of "new" being taken.
    assertThat(healthy.ack(old)).isTrue();
    assertThat(take(healthy).payload()).isEqualTo("new");
  }

  @Test
  void take_whileWaiting_isWokenByPush() throws Exception {
    WorkQueue waiting = consumer(Duration.ofMinutes(1));
    Future<Optional<Job>> taken = threads.submit(() -> waiting.take(Duration.ofSeconds(20)));

    consumer(Duration.ofMinutes(1)).push("late work");

    assertThat(taken.get(20, TimeUnit.SECONDS)).hasValueSatisfying(
        job -> assertThat(job.payload()).isEqualTo("late work"));
  }

  @Test
  void take_competingConsumers_deliverEachJobExactlyOnce() throws Exception {
    WorkQueue producer = consumer(Duration.ofMinutes(1));
    int jobs = 120;
    for (int i = 0; i < jobs; i++) {
      producer.push("job-" + i);
    }
    List<Future<List<String>>> results = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      WorkQueue worker = consumer(Duration.ofMinutes(1));
      results.add(threads.submit(() -> {
        List<String> done = new ArrayList<>();
        for (Optional<Job> job = worker.take(Duration.ZERO); job.isPresent(); job = worker.take(Duration.ZERO)) {
          assertThat(worker.ack(job.get())).isTrue();
          done.add(job.get().payload());
        }
        return done;
      }));
    }
    List<String> all = new ArrayList<>();
    for (Future<List<String>> result : results) {
      all.addAll(result.get(60, TimeUnit.SECONDS));
    }

    assertThat(all).hasSize(jobs).doesNotHaveDuplicates();
  }

  @Test
  void badInput_failsWithCodeAndChangesNothing() {
    assertThatThrownBy(() -> WorkQueue.on(kv, "", VISIBILITY))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("EMPTY_NAME"));
    assertThatThrownBy(() -> WorkQueue.on(kv, "jobs", Duration.ZERO))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.code()).isEqualTo("INVALID_DURATION"));
    WorkQueue queue = consumer(VISIBILITY);
    assertThatThrownBy(() -> queue.take(Duration.ofMillis(-1)))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.code()).isEqualTo("INVALID_DURATION"));
    assertThatThrownBy(() -> queue.ack(new Job("not-an-id", "x", 1)))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.code()).isEqualTo("INVALID_JOB_ID"));

    assertThat(kv.scan("*").toList()).isEmpty();
  }

  private static Job take(WorkQueue queue) {
    return queue.take(Duration.ZERO).orElseThrow(() -> new AssertionError("expected a job in " + queue.name()));
  }
}
