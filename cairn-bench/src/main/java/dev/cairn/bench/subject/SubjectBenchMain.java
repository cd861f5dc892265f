package dev.cairn.bench.subject;

/** Runs {@link SubjectBench} from the command line: {@code SubjectBenchMain [redis-url]}; for the lead's CLI wiring. */
public final class SubjectBenchMain {
  private SubjectBenchMain() {}

  public static void main(String[] args) throws InterruptedException {
    String url = args.length > 0 ? args[0] : System.getenv().getOrDefault("CAIRN_KV_URL", "redis://127.0.0.1:6379");
    SubjectBench.run(SubjectBenchOptions.defaults(url), System.out::println);
  }
}
