package dev.cairn.cli;

import dev.cairn.core.StoreEnvironment;
import dev.cairn.kv.KeyValue;
import dev.cairn.subject.SubjectStorage;
import dev.cairn.subject.SubjectStorages;
import dev.cairn.subject.Subjects;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The {@code --kv URL} and {@code --prefix P} options of the {@code subject} commands. Unlike {@code kv --prefix},
 * the prefix here is KRules' subject key prefix: a subject lives in the Redis hash {@code s:<prefix><name>}, so
 * the CLI reads and writes the same subjects as a Python KRules service configured with that prefix.
 */
final class SubjectStoreOption {
  @Option(
      names = "--kv",
      paramLabel = "URL",
      description = "Where subjects live: redis://..., rediss://..., redis-sentinel://..., memory: (default: "
          + "CAIRN_KV_URL, else REDIS_URL, else memory:, which is empty in every new process).")
  private String url;

  @Option(
      names = "--prefix",
      paramLabel = "P",
      defaultValue = "",
      description = "KRules key prefix: the subject NAME is the hash s:<P><NAME> (default: none).")
  private String prefix;

  @Mixin
  private ConnectTimeoutOption connectTimeout;

  /**
   * Opens the subjects; closing what this returns closes the store.
   *
   * @throws picocli.CommandLine.ParameterException for a malformed or SQL URL (usage)
   * @throws dev.cairn.core.UnavailableException when the server cannot be reached
   */
  OpenSubjects open(CommandSpec spec) {
    KeyValue store = KeyValueOption.openUrl(spec, url, connectTimeout);
    try {
      boolean memory = store.url().startsWith(StoreEnvironment.MEMORY_URL);
      // The memory key-value store is not Redis; subjects have their own in-process twin, as empty as it is.
      SubjectStorage storage = memory ? SubjectStorages.memory() : SubjectStorages.redis(store, prefix);
      return new OpenSubjects(Subjects.on(storage), store);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /**
   * Subjects and the store under them.
   *
   * @param subjects the subjects
   * @param store the key-value store, which the Redis subject storage leaves to its opener to close
   */
  record OpenSubjects(Subjects subjects, KeyValue store) implements AutoCloseable {
    @Override
    public void close() {
      try {
        subjects.close();
      } finally {
        store.close();
      }
    }
  }
}
