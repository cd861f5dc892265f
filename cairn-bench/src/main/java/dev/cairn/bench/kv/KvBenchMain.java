package dev.cairn.bench.kv;

import java.util.Map;

/**
 * Runs {@link KvBench} from the command line until the CLI's {@code cairn bench kv} calls it:
 * {@code KvBenchMain [--kv URL] [--ops N] [--coordination-ops N]}. The URL defaults to {@code CAIRN_KV_URL}, then
 * {@code REDIS_URL}, then {@code redis://127.0.0.1:6379}.
 */
public final class KvBenchMain {
  private KvBenchMain() {}

  public static void main(String[] args) {
    Map<String, String> environment = System.getenv();
    String url = environment.getOrDefault("CAIRN_KV_URL", environment.getOrDefault("REDIS_URL",
        "redis://127.0.0.1:6379"));
    KvBenchOptions defaults = KvBenchOptions.defaults(url);
    int ops = defaults.ops();
    int coordinationOps = defaults.coordinationOps();
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--kv" -> url = args[i + 1];
        case "--ops" -> ops = Integer.parseInt(args[i + 1]);
        case "--coordination-ops" -> coordinationOps = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; expected --kv URL, --ops N or --coordination-ops N");
      }
    }
    KvBench.run(KvBenchOptions.defaults(url).withOps(ops, coordinationOps), System.out::println);
  }
}
