package dev.cairn.testkit.internal;

import dev.cairn.core.StoreUrl;
import java.nio.file.Path;

/**
 * What the resolver needs to know about one kind of service: where to look and how to check and start one.
 * Implementations are stateless and thread-safe.
 */
public interface ServiceType {

  /** Short lower-case name, also the directory under {@code target/cairn-services}. */
  String name();

  /** The environment variable holding an explicit URL, e.g. {@code CAIRN_TEST_POSTGRES_URL}. */
  String urlVariable();

  /** The URL of a server on the standard local port with the standard local credentials. */
  StoreUrl standardLocalUrl();

  /**
   * Checks that a server answers at {@code url} with working credentials.
   *
   * @throws Exception why it does not (connection refused, authentication failed, ...); the message must not
   *     contain a password
   */
  void probe(StoreUrl url) throws Exception;

  /**
   * Starts a private server from installed binaries in {@code directory} on a free loopback port.
   *
   * @throws Exception why it could not be started (binary missing, start failed)
   */
  PrivateServer start(Path directory) throws Exception;
}
