package dev.cairn.sql.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Result;
import dev.cairn.core.Status;

/** Assertions on {@link Result}s that print the whole failure when they do not hold. */
public final class Expect {
  private Expect() {}

  /** The value of an {@code Ok}; fails the test with the failure's status, code and message otherwise. */
  public static <T> T ok(Result<T> result) {
    if (result instanceof Result.Failure<T> failure) {
      throw new AssertionError("expected Ok but was " + failure, failure.cause());
    }
    return ((Result.Ok<T>) result).value();
  }

  /** Asserts a failure with exactly this status and code, and a non-blank one-line message; returns it. */
  public static <T> Result.Failure<T> failure(Result<T> result, Status status, String code) {
    assertThat(result).as("expected %s %s", status, code).isInstanceOf(Result.Failure.class);
    Result.Failure<T> failure = (Result.Failure<T>) result;
    assertThat(failure.status()).as("status of %s", describe(failure)).isEqualTo(status);
    assertThat(failure.code()).as("code of %s", describe(failure)).isEqualTo(code);
    assertThat(failure.message()).as("message of %s", failure).isNotBlank().doesNotContain("\n");
    return failure;
  }

  /** Asserts a failure with this status, whatever its code (where the contract names no code). */
  public static <T> Result.Failure<T> failure(Result<T> result, Status status) {
    assertThat(result).as("expected %s", status).isInstanceOf(Result.Failure.class);
    Result.Failure<T> failure = (Result.Failure<T>) result;
    assertThat(failure.status()).as("status of %s", describe(failure)).isEqualTo(status);
    return failure;
  }

  /** The failure with its cause chain, so a wrong status shows what the database actually said. */
  private static String describe(Result.Failure<?> failure) {
    StringBuilder text = new StringBuilder(failure.toString());
    for (Throwable cause = failure.cause(); cause != null; cause = cause.getCause()) {
      text.append(" <- ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
    }
    return text.toString();
  }
}
