package dev.cairn.bench.faults.internal;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** POSIX signals for processes this JVM started, through the {@code kill} command (Java sends only TERM and KILL). */
final class Signals {
  private Signals() {}

  /** Sends {@code SIG<signal>} (e.g. {@code STOP}, {@code CONT}) to {@code pid}. */
  static void send(String signal, long pid) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder(List.of("kill", "-" + signal, Long.toString(pid))).redirectErrorStream(true)
        .start();
    if (!kill.waitFor(10, TimeUnit.SECONDS)) {
      kill.destroyForcibly();
      throw new IOException("kill -" + signal + " " + pid + " did not finish within 10 s");
    }
    if (kill.exitValue() != 0) {
      throw new IOException("kill -" + signal + " " + pid + " failed: "
          + new String(kill.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip());
    }
  }
}
