package dev.cairn.cli;

import java.nio.charset.Charset;

/**
 * Finds command-line arguments the JVM could not decode. On Linux the JVM decodes {@code argv} with the locale's
 * charset ({@code sun.jnu.encoding}, not settable with {@code -D}); bytes that charset cannot map become U+FFFD.
 * Under {@code LANG=C} the UTF-8 bytes of {@code héllo} arrive as {@code h\ufffd\ufffdllo}, and writing that would
 * store corrupted text without a word. The {@code ./cairn} launcher avoids it by running the JVM in a UTF-8 locale;
 * this check catches the rest (the jar run directly, bytes that are not UTF-8 at all).
 */
final class UndecodableArguments {
  private static final char REPLACEMENT = '\ufffd';

  private UndecodableArguments() {}

  /** The one-line error for the first argument holding U+FFFD, or null when every argument is clean. */
  static String check(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].indexOf(REPLACEMENT) >= 0) {
        return "argument " + (i + 1) + " ('" + DisplayValue.text(args[i].replace(REPLACEMENT, '?'), 60)
            + "') holds bytes that are not valid in the locale's encoding (" + Charset.forName(
                System.getProperty("sun.jnu.encoding", Charset.defaultCharset().name()), Charset.defaultCharset())
            + "); run under a UTF-8 locale (LC_ALL=C.UTF-8) or through the ./cairn launcher; nothing was done"
            + " [ARGUMENT_NOT_DECODABLE]";
      }
    }
    return null;
  }
}
