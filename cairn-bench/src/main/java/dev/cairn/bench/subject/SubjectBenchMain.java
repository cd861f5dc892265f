package dev.cairn.bench.subject;

import dev.cairn.core.StoreEnvironment;

/**
 * Runs {@link SubjectBench} without the CLI: {@code SubjectBenchMain [redis-url]}, the URL defaulting to
 * {@code CAIRN_KV_URL}, then {@code REDIS_URL}, then {@code redis://127.0.0.1:6379}. {@code cairn bench subject} is
 * the supported entry point.
 */
public final class SubjectBenchMain {
  private SubjectBenchMain() {}

  public static void main(String[] args) throws InterruptedException {
    String url = args.length > 0
        ? args[0]
        : StoreEnvironment.system().configuredKeyValueUrl().orElse("redis://127.0.0.1:6379");
    SubjectBench.run(SubjectBenchOptions.defaults(url), System.out::println);
  }
}
