package dev.cairn.sql.internal;

import dev.cairn.core.StoreUrl;

/** Keeps passwords out of messages built from driver text. */
final class Redaction {
  private Redaction() {}

  /** {@code text} with every occurrence of the URL's password replaced by {@code ****}. */
  static String scrub(String text, StoreUrl url) {
    if (text == null) {
      return "";
    }
    String password = url.password();
    return password == null || password.isEmpty() ? text : text.replace(password, "****");
  }
}
