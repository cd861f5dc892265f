package dev.cairn.core;

import java.util.regex.Pattern;

/**
 * Masks passwords in text that did not come from Cairn (driver messages, stack traces), which may quote a
 * connection URL. Cairn's own messages are already redacted; this is the last line of defence before standard
 * error and the log. Stateless and thread-safe.
 */
public final class SecretMask {
  private static final String MASK = "****";
  // scheme://user:password@host -> scheme://user:****@host; up to the last @ before a blank, since a password
  // with an unescaped @, /, ? or # is a common mistake and any of its pieces may follow the first @
  private static final Pattern USER_INFO = Pattern.compile("(//[^/@:\\s]*):\\S*@");
  // postgres:user:password@host (the // forgotten) -> postgres:****@host
  private static final Pattern NO_SLASHES = Pattern.compile(
      "(?i)\\b((?:jdbc:)?(?:postgres(?:ql)?|pgsql|mysql|mariadb|rediss?(?:-sentinel|-cluster)?)(?:\\+\\w+)?:)"
          + "(?!//)\\S*@");
  // password=..., token=... in query strings and key=value lists
  private static final Pattern SECRET_PARAM =
      Pattern.compile("(?i)\\b((?:password|passwd|pwd|pass|secret|token|auth)=)[^&\\s,;)]*");

  private SecretMask() {}

  /** {@code text} with URL passwords and secret parameters replaced by {@code ****}; null stays null. */
  public static String mask(String text) {
    if (text == null) {
      return null;
    }
    String masked = USER_INFO.matcher(text).replaceAll("$1:" + MASK + "@");
    masked = NO_SLASHES.matcher(masked).replaceAll("$1" + MASK + "@");
    return SECRET_PARAM.matcher(masked).replaceAll("$1" + MASK);
  }
}
