/**
 * The {@code cairn} command line: picocli commands and {@code Main}. An application, so it exports nothing; its
 * commands are opened to picocli (options and mixins are injected into fields) and its log converters to Logback
 * (named in logback.xml). {@code cairn.jar} is shaded and runs on the class path, where this descriptor is left
 * out; it checks at compile time that the CLI uses only what the library modules export.
 */
module dev.cairn.cli {
  requires dev.cairn.server;
  requires dev.cairn.bench;
  requires info.picocli;
  requires ch.qos.logback.classic;
  requires ch.qos.logback.core;
  requires org.slf4j;
  requires jul.to.slf4j;

  opens dev.cairn.cli to info.picocli;
  opens dev.cairn.cli.logging to ch.qos.logback.core;
}
