/**
 * The key-value side: {@code KeyValue} on memory or Redis, and coordination (locks, rate limiters, embedding
 * cache, work queue). {@code dev.cairn.kv.spi} (scripts, raw Redis access, dedicated connections) is exported only
 * to the Cairn modules that build on it; its signatures use Lettuce types, which those modules require themselves.
 */
// "module": the targets of the qualified export are built after this module, so javac cannot see them yet;
// "requires-automatic": Lettuce and Netty have no module descriptor. Neither can be fixed here.
@SuppressWarnings({"module", "requires-automatic"})
module dev.cairn.kv {
  requires transitive dev.cairn.core;
  // No Automatic-Module-Name in Lettuce's jar: the name is derived from the file name (lettuce-core-N.jar).
  requires lettuce.core;
  // InFlightCommands watches Lettuce's Netty pipeline.
  requires io.netty.transport;
  // WriteCoalescing: Netty's FlushConsolidationHandler.
  requires io.netty.handler;
  requires org.slf4j;
  // Optional at run time: only the metrics binder uses it (see its Javadoc).
  requires static micrometer.core;

  exports dev.cairn.kv;
  exports dev.cairn.kv.coord;
  exports dev.cairn.kv.spi to dev.cairn.subject, dev.cairn.bench;
}
