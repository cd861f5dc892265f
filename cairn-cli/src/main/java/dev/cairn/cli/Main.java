package dev.cairn.cli;


/** Entry point of the runnable jar: runs the {@code cairn} command line and exits with its exit code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(CairnCli.run(args));
  }
}
