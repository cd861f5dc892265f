package dev.cairn.kv.internal.redis;

import dev.cairn.core.InvalidInputException;
import dev.cairn.kv.ScanPage;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One SCAN step with a cursor the caller keeps (see {@code KeyValue.scan(pattern, cursor, count)}).
 *
 * <p>Standalone and Sentinel: the cursor is Redis' own. Cluster: Lettuce's cluster cursor keeps the node list in
 * the Java object, so it cannot travel through a caller; here the masters are walked one after the other in
 * node-id order, and the cursor is {@code <node id>:<that node's cursor>}. A finished node moves the cursor to
 * the next master with cursor 0. When the named node is no longer a master (failover, resharding) the cursor is
 * refused as INVALID_CURSOR: the scan has to start over, as a Redis SCAN does across a failover anyway.
 */
final class RedisScanSteps {
  private static final Pattern NUMBER = Pattern.compile("[0-9]{1,20}");
  private static final Pattern CLUSTER_CURSOR = Pattern.compile("([0-9a-f]{40}):([0-9]{1,20})");

  private RedisScanSteps() {}

  /** One step; the caller translates driver failures. */
  static ScanPage step(StatefulConnection<String, byte[]> connection, RedisClusterCommands<String, byte[]> commands,
      String pattern, String cursor, int count) {
    ScanArgs args = ScanArgs.Builder.matches(pattern).limit(count);
    if (connection instanceof StatefulRedisClusterConnection<String, byte[]> cluster
        && commands instanceof RedisAdvancedClusterCommands<String, byte[]> advanced) {
      return clusterStep(cluster, advanced, args, cursor);
    }
    if (!NUMBER.matcher(cursor).matches()) {
      throw invalid(cursor);
    }
    KeyScanCursor<String> step = commands.scan(ScanCursor.of(cursor), args);
    return new ScanPage(step.getKeys(), step.isFinished() ? ScanPage.START : step.getCursor());
  }

  private static ScanPage clusterStep(StatefulRedisClusterConnection<String, byte[]> cluster,
      RedisAdvancedClusterCommands<String, byte[]> commands, ScanArgs args, String cursor) {
    List<String> masters = cluster.getPartitions().stream()
        .filter(node -> node.is(RedisClusterNode.NodeFlag.UPSTREAM))
        .map(RedisClusterNode::getNodeId)
        .sorted()
        .toList();
    if (masters.isEmpty()) {
      return new ScanPage(List.of(), ScanPage.START);
    }
    String node;
    String nodeCursor;
    if (ScanPage.START.equals(cursor)) {
      node = masters.getFirst();
      nodeCursor = ScanPage.START;
    } else {
      var matcher = CLUSTER_CURSOR.matcher(cursor);
      if (!matcher.matches()) {
        throw invalid(cursor);
      }
      node = matcher.group(1);
      nodeCursor = matcher.group(2);
      if (!masters.contains(node)) {
        throw new InvalidInputException("INVALID_CURSOR",
            "the scan cursor names a node that is no longer a master of the cluster; start the scan again");
      }
    }
    KeyScanCursor<String> step = commands.getConnection(node).scan(ScanCursor.of(nodeCursor), args);
    if (!step.isFinished()) {
      return new ScanPage(step.getKeys(), node + ":" + step.getCursor());
    }
    int next = masters.indexOf(node) + 1;
    return new ScanPage(step.getKeys(), next == masters.size() ? ScanPage.START : masters.get(next) + ":0");
  }

  private static InvalidInputException invalid(String cursor) {
    return new InvalidInputException("INVALID_CURSOR", "not a scan cursor of this store: '"
        + (cursor.length() > 40 ? cursor.substring(0, 40) + "..." : cursor) + "'");
  }
}
