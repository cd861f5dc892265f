package dev.cairn.kv.coord.conformance;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a class-level extension once for a test class and all its {@code @Nested} classes. JUnit calls a static
 * extension's callbacks again for every nested class, and an extension that starts servers would start them
 * again. Register on a static field; used from the test thread only.
 */
final class OncePerClassTree implements BeforeAllCallback, AfterAllCallback {
  private final BeforeAllCallback before;
  private final AfterAllCallback after;
  private int depth;

  <T extends BeforeAllCallback & AfterAllCallback> OncePerClassTree(T extension) {
    this.before = extension;
    this.after = extension;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    if (depth++ == 0) {
      try {
        before.beforeAll(context);
      } catch (Exception | Error e) {
        depth--;
        throw e;
      }
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (--depth == 0) {
      after.afterAll(context);
    }
  }
}
