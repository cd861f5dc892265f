package dev.cairn.sql.internal;

import java.time.LocalDateTime;

/**
 * Formats and parses SQLite's fixed-width time text ({@code 2024-01-02T03:04:05.000006}, plus {@code Z} for
 * instants) by hand: DateTimeFormatter costs microseconds per call, which a point lookup on SQLite cannot
 * afford. Anything not in the exact shape is left to the caller's general parser.
 */
final class FixedWidthTime {
  static final int LENGTH = 26;

  private FixedWidthTime() {}

  static String format(LocalDateTime time, boolean zulu) {
    int year = time.getYear();
    if (year < 0 || year > 9999) {
      return null;
    }
    char[] text = new char[zulu ? LENGTH + 1 : LENGTH];
    digits(text, 0, year, 4);
    text[4] = '-';
    digits(text, 5, time.getMonthValue(), 2);
    text[7] = '-';
    digits(text, 8, time.getDayOfMonth(), 2);
    text[10] = 'T';
    digits(text, 11, time.getHour(), 2);
    text[13] = ':';
    digits(text, 14, time.getMinute(), 2);
    text[16] = ':';
    digits(text, 17, time.getSecond(), 2);
    text[19] = '.';
    digits(text, 20, time.getNano() / 1000, 6);
    if (zulu) {
      text[LENGTH] = 'Z';
    }
    return new String(text);
  }

  /** The local date-time of fixed-width text (with or without a trailing Z), or null for any other shape. */
  static LocalDateTime parse(String text) {
    int length = text.length();
    boolean zulu = length == LENGTH + 1 && text.charAt(LENGTH) == 'Z';
    if ((length != LENGTH && !zulu) || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
        || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != '.') {
      return null;
    }
    int year = number(text, 0, 4);
    int month = number(text, 5, 2);
    int day = number(text, 8, 2);
    int hour = number(text, 11, 2);
    int minute = number(text, 14, 2);
    int second = number(text, 17, 2);
    int micros = number(text, 20, 6);
    if ((year | month | day | hour | minute | second | micros) < 0) {
      return null;
    }
    return LocalDateTime.of(year, month, day, hour, minute, second, micros * 1000);
  }

  private static void digits(char[] text, int offset, int value, int width) {
    for (int i = offset + width - 1; i >= offset; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  private static int number(String text, int offset, int width) {
    int value = 0;
    for (int i = offset; i < offset + width; i++) {
      int digit = text.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }
}
