package dev.cairn.bench.kv;

import dev.cairn.core.StoreEnvironment;

/**
 * Runs {@link KvBench} without the CLI, e.g. under a profiler: {@code KvBenchMain [--kv URL] [--ops N]
 * [--threads T]
 * [--only redis|memory]}. The URL defaults to {@code CAIRN_KV_URL}, then {@code REDIS_URL}, then
 * {@code redis://127.0.0.1:6379}. {@code cairn bench kv} is the supported entry point.
 */
public final class KvBenchMain {
  private KvBenchMain() {}

  /** @throws IllegalArgumentException for an unknown option or a count that is not a number */
  public static void main(String[] args) {
    String url = StoreEnvironment.system().configuredKeyValueUrl().orElse("redis://127.0.0.1:6379");
    KvBenchOptions defaults = KvBenchOptions.defaults(url);
    int ops = defaults.ops();
    int threads = defaults.threads();
    KvBenchOptions.Part only = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--kv" -> url = args[i + 1];
        case "--ops" -> ops = Integer.parseInt(args[i + 1]);
        case "--threads" -> threads = Integer.parseInt(args[i + 1]);
        case "--only" -> only = KvBenchOptions.Part.named(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; expected --kv URL, --ops N, --threads T or --only redis|memory");
      }
    }
    KvBenchOptions options = KvBenchOptions.defaults(url).withThreads(threads).withOps(ops);
    KvBench.run(only == null ? options : options.only(only), System.out::println);
  }
}
