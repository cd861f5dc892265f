package dev.cairn.bench.faults.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.bench.faults.internal.OpLedger.Outcome;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpLedgerTest {

  @Test
  void tally_eachOutcomeAgainstItsCopies() {
    OpLedger ledger = new OpLedger();
    settle(ledger, "acked-present", Outcome.ACKED);
    settle(ledger, "acked-missing", Outcome.ACKED);
    settle(ledger, "acked-twice", Outcome.ACKED);
    settle(ledger, "failed-present", Outcome.FAILED);
    settle(ledger, "failed-absent", Outcome.FAILED);
    settle(ledger, "unknown-present", Outcome.UNKNOWN);
    settle(ledger, "unknown-absent", Outcome.UNKNOWN);
    settle(ledger, "aborted-present", Outcome.ABORTED);
    settle(ledger, "aborted-absent", Outcome.ABORTED);

    OpLedger.Tally tally = ledger.tally(Map.of("acked-present", 1, "acked-twice", 2, "failed-present", 1,
        "unknown-present", 1, "aborted-present", 1, "never-started", 2));

    assertThat(tally.attempts()).isEqualTo(9);
    assertThat(tally.acked()).isEqualTo(3);
    assertThat(tally.lost()).isEqualTo(1);
    assertThat(tally.falseFailures()).isEqualTo(1);
    assertThat(tally.abortedPresent()).isEqualTo(1);
    // acked-twice, never-started (two copies) and aborted-present
    assertThat(tally.duplicated()).isEqualTo(3);
    assertThat(tally.unknown()).isEqualTo(2);
    assertThat(tally.failed()).isEqualTo(2);
  }

  @Test
  void ofFailureCode_outcomeUnknownCodesAreNotDefiniteFailures() {
    assertThat(OpLedger.ofFailureCode("COMMIT_OUTCOME_UNKNOWN")).isEqualTo(Outcome.UNKNOWN);
    assertThat(OpLedger.ofFailureCode("KV_OUTCOME_UNKNOWN")).isEqualTo(Outcome.UNKNOWN);
    assertThat(OpLedger.ofFailureCode("KV_UNAVAILABLE")).isEqualTo(Outcome.FAILED);
    assertThat(OpLedger.ofFailureCode("SQL_ERROR")).isEqualTo(Outcome.FAILED);
  }

  @Test
  void maxWait_longestCallInMillis() {
    OpLedger ledger = new OpLedger();
    ledger.waited(3_000_000);
    ledger.finishReported("op", Outcome.ACKED, 7);
    ledger.waited(1_000_000);
    assertThat(ledger.maxWaitMillis()).isEqualTo(7);
  }

  private static void settle(OpLedger ledger, String op, Outcome outcome) {
    ledger.start(op);
    ledger.settle(op, outcome);
  }
}
