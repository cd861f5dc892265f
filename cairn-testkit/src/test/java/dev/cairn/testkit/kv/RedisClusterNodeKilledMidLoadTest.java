package dev.cairn.testkit.kv;

import io.lettuce.core.cluster.SlotHash;
import java.util.stream.IntStream;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link KilledMidLoadScenario} on a 3-master cluster, killing the master of the keys' slot. Cluster connections
 * accept commands while a node connection is down (they are opened lazily), where Lettuce by itself would send the
 * commands that were unanswered at the kill a second time after reconnecting.
 */
class RedisClusterNodeKilledMidLoadTest extends KilledMidLoadScenario {
  @RegisterExtension
  static final PrivateRedis CLUSTER = PrivateRedis.cluster("--appendonly", "yes", "--appendfsync", "always");

  @Override
  PrivateRedis redis() {
    return CLUSTER;
  }

  /** A hash tag whose slot the first master (slots 0 to 5460) serves, the one {@link PrivateRedis} kills. */
  @Override
  String keyPrefix() {
    return IntStream.iterate(0, i -> i + 1).mapToObj(i -> "{killed-" + i + "}:")
        .filter(prefix -> SlotHash.getSlot(prefix + "counter") <= 5460)
        .findFirst().orElseThrow();
  }
}
