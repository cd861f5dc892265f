package dev.cairn.vector.internal;

import dev.cairn.core.Result;
import dev.cairn.core.Status;
import java.util.Map;

/** The failures every backend reports the same way. */
public final class Failures {
  private Failures() {}

  public static <T> Result<T> invalid(String code, String message) {
    return Result.failure(Status.INVALID, code, message);
  }

  public static <T> Result<T> collectionNotFound(String name) {
    return Result.failure(Status.NOT_FOUND, "COLLECTION_NOT_FOUND",
        "no vector collection '" + Names.shown(name) + "'", Map.of("collection", Names.shown(name)));
  }

  public static <T> Result<T> collectionExists(String name) {
    return Result.failure(Status.DUPLICATE, "COLLECTION_EXISTS",
        "vector collection '" + name + "' already exists", Map.of("collection", name));
  }

  public static <T> Result<T> vectorNotFound(String collection, String id) {
    return Result.failure(Status.NOT_FOUND, "VECTOR_NOT_FOUND",
        "no vector '" + Names.shown(id) + "' in collection '" + collection + "'");
  }

  public static <T> Result<T> closed() {
    return Result.failure(Status.UNAVAILABLE, "VECTOR_STORE_CLOSED", "the vector store is closed");
  }

  /** An unexpected engine failure: one line, the cause chained. */
  public static <T> Result<T> backend(String what, Exception cause) {
    String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    int newline = reason.indexOf('\n');
    if (newline >= 0) {
      reason = reason.substring(0, newline);
    }
    return Result.failure(Status.ERROR, "VECTOR_BACKEND_ERROR", what + " failed: " + reason, Map.of(), cause);
  }
}
