package dev.cairn.server.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Result;
import dev.cairn.core.Status;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How failures of the data layer become HTTP answers: which are 503 (try again) rather than 500 (a bug). */
class ApiErrorTest {

  @Test
  void unavailable_503() {
    ApiError error = ApiError.of(failure(Status.UNAVAILABLE, "POOL_TIMEOUT", Map.of()), "cairn.db");
    assertThat(error.httpStatus()).isEqualTo(503);
    assertThat(error.code()).isEqualTo("POOL_TIMEOUT");
  }

  @Test
  void commitOutcomeUnknown_503WhateverItsStatus() {
    for (Status status : new Status[] {Status.UNAVAILABLE, Status.ERROR}) {
      ApiError error = ApiError.of(failure(status, "COMMIT_OUTCOME_UNKNOWN", Map.of()), "cairn.db");
      assertThat(error.httpStatus()).as(status.name()).isEqualTo(503);
      assertThat(error.code()).isEqualTo("COMMIT_OUTCOME_UNKNOWN");
    }
  }

  @Test
  void serverSideConnectionLoss_503NotInternalError() {
    for (Map<String, Object> details : java.util.List.<Map<String, Object>>of(
        Map.of("sqlState", "57P01", "vendorCode", 0),        // PostgreSQL: terminated by administrator / restart
        Map.of("sqlState", "08006", "vendorCode", 0),        // PostgreSQL: connection failure
        Map.of("sqlState", "08S01", "vendorCode", 2013),     // MariaDB: lost connection during query
        Map.of("sqlState", "HY000", "vendorCode", 2006),     // MariaDB: server has gone away
        Map.of("sqlState", "70100", "vendorCode", 1927))) {  // MariaDB: connection was killed
      ApiError error = ApiError.of(failure(Status.ERROR, "SQL_ERROR", details), "cairn.db");
      assertThat(error.httpStatus()).as(details.toString()).isEqualTo(503);
      assertThat(error.code()).isEqualTo("CONNECTION_LOST");
    }
  }

  @Test
  void otherErrors_stay500WithoutDetails() {
    ApiError error = ApiError.of(failure(Status.ERROR, "SQL_ERROR", Map.of("sqlState", "42P01", "vendorCode", 0)),
        "cairn.db");
    assertThat(error.httpStatus()).isEqualTo(500);
    assertThat(error.details()).isEmpty();
  }

  private static Result.Failure<Object> failure(Status status, String code, Map<String, Object> details) {
    return new Result.Failure<>(status, code, "select secret from x failed", details, null);
  }
}
