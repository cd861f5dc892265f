package dev.cairn.server.http.internal;

import dev.cairn.core.Result;

/** Unwraps a {@link Result} for a handler: the value, or the failure as an {@link ApiError} of the module. */
final class Results {
  private Results() {}

  static <T> T value(Result<T> result, String module) {
    return switch (result) {
      case Result.Ok<T> ok -> ok.value();
      case Result.Failure<T> failure -> throw ApiError.of(failure, module);
    };
  }
}
