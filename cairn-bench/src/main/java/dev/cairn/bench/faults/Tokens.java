package dev.cairn.bench.faults;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random secrets and names for one scenario run. */
final class Tokens {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Tokens() {}

  /** 16 random bytes in hex: an admin token, a key prefix. */
  static String random() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
