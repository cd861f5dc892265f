package dev.cairn.core;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The outcome of a data operation: either {@link Ok} with a value, or {@link Failure} with a {@link Status}, a
 * stable UPPER_SNAKE code and a one-line message. Expected outcomes (a missing row, a duplicate key, a bad
 * column) are failures, not exceptions, so callers switch over them:
 *
 * <pre>{@code
 * switch (users.find(1L)) {
 *   case Result.Ok<User>(User u) -> show(u);
 *   case Result.Failure<User> f -> log(f.status() + " " + f.code());
 * }
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe when their value is.
 *
 * @param <T> type of the value on success
 */
public sealed interface Result<T> permits Result.Ok, Result.Failure {

  /** A successful result; {@code value} may be {@code null} only for {@code Result<Void>}. */
  record Ok<T>(T value) implements Result<T> {}

  /**
   * A failed result.
   *
   * @param status the failure class, never {@link Status#OK}
   * @param code stable machine-readable code such as {@code TABLE_NOT_FOUND}
   * @param message one line for a human, naming what failed; never contains a password
   * @param details structured context (table, column, available tables, ...); immutable, never null
   * @param cause the underlying exception, or {@code null}
   */
  record Failure<T>(Status status, String code, String message, Map<String, Object> details, Throwable cause)
      implements Result<T> {
    public Failure {
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(message, "message");
      if (status == Status.OK) {
        throw new IllegalArgumentException("a failure cannot have status OK");
      }
      details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** Re-types this failure for a result of another value type; failures carry no value. */
    @SuppressWarnings("unchecked")
    public <U> Failure<U> cast() {
      return (Failure<U>) this;
    }

    /** The exception {@link Result#orElseThrow()} throws for this failure. */
    public CairnException toException() {
      return CairnException.of(status, code, message, details, cause);
    }

    @Override
    public String toString() {
      return status + " " + code + ": " + message;
    }
  }

  static <T> Result<T> ok(T value) {
    return new Ok<>(value);
  }

  static <T> Result<T> failure(Status status, String code, String message) {
    return new Failure<>(status, code, message, Map.of(), null);
  }

  static <T> Result<T> failure(Status status, String code, String message, Map<String, Object> details) {
    return new Failure<>(status, code, message, details, null);
  }

  static <T> Result<T> failure(
      Status status, String code, String message, Map<String, Object> details, Throwable cause) {
    return new Failure<>(status, code, message, details, cause);
  }

  /** The failure an exception stands for: its own status and code for a {@link CairnException}. */
  static <T> Result<T> failure(CairnException exception) {
    return new Failure<>(exception.status(), exception.code(), exception.getMessage(), exception.details(), exception);
  }

  default boolean isOk() {
    return this instanceof Ok;
  }

  /** {@link Status#OK} for a success, else the failure's status. */
  default Status status() {
    return this instanceof Failure<T> failure ? failure.status() : Status.OK;
  }

  /**
   * The value, or the failure as an exception of the {@link CairnException} family matching its status
   * ({@link NotFoundException} for NOT_FOUND, ...), with the original cause chained.
   */
  default T orElseThrow() {
    return switch (this) {
      case Ok<T> ok -> ok.value();
      case Failure<T> failure -> throw failure.toException();
    };
  }

  default T orElse(T fallback) {
    return this instanceof Ok<T> ok ? ok.value() : fallback;
  }

  default Optional<T> toOptional() {
    return this instanceof Ok<T> ok ? Optional.ofNullable(ok.value()) : Optional.empty();
  }

  default <U> Result<U> map(Function<? super T, ? extends U> mapper) {
    return switch (this) {
      case Ok<T> ok -> new Ok<>(mapper.apply(ok.value()));
      case Failure<T> failure -> failure.cast();
    };
  }

  default <U> Result<U> flatMap(Function<? super T, Result<U>> mapper) {
    return switch (this) {
      case Ok<T> ok -> mapper.apply(ok.value());
      case Failure<T> failure -> failure.cast();
    };
  }

  default Result<T> ifOk(Consumer<? super T> action) {
    if (this instanceof Ok<T> ok) {
      action.accept(ok.value());
    }
    return this;
  }
}
