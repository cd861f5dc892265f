package dev.cairn.cli;

import dev.cairn.core.InvalidInputException;
import dev.cairn.core.StoreEnvironment;
import dev.cairn.core.StoreUrl;
import dev.cairn.kv.KeyValue;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The {@code --kv URL}, {@code --prefix P} and {@code --connect-timeout} options of the {@code kv} commands and how they open the store.
 * Without {@code --kv} the URL comes from the environment ({@link StoreEnvironment#keyValueUrl()}).
 */
final class KeyValueOption {
  @Option(
      names = "--kv",
      paramLabel = "URL",
      description = "Key-value store: redis://..., rediss://..., redis-sentinel://..., redis-cluster://..., memory: "
          + "(default: CAIRN_KV_URL, else REDIS_URL, else memory:, which is empty in every new process).")
  private String url;

  @Option(
      names = "--prefix",
      paramLabel = "P",
      description = "Work inside the keys starting with P: it is added to every key given and cut from every key "
          + "shown.")
  private String prefix;

  @Mixin
  private ConnectTimeoutOption connectTimeout;

  /**
   * Opens the store, the {@code --prefix} view of it when given; the caller closes what it gets (closing a view
   * closes nothing, so this returns a handle that closes the store). Warns on standard error when the store is
   * {@code memory:}, since a fresh process has nothing in it.
   *
   * @throws picocli.CommandLine.ParameterException for a malformed URL, a SQL URL or an empty prefix (usage)
   * @throws dev.cairn.core.UnavailableException when the server cannot be reached
   */
  OpenStore open(CommandSpec spec) {
    if (prefix != null && prefix.isEmpty()) {
      throw UsageErrors.invalidArgument(spec, "--prefix must not be empty", null);
    }
    KeyValue store = openUrl(spec, url, connectTimeout);
    return new OpenStore(store, prefix == null ? store : store.withPrefix(prefix));
  }

  /**
   * Opens the store at {@code explicitUrl}, or the environment's default when it is null, for every command that
   * takes {@code --kv}; warns on standard error when it is {@code memory:}. Failures as for {@link #open}.
   */
  static KeyValue openUrl(CommandSpec spec, String explicitUrl, ConnectTimeoutOption connectTimeout) {
    String text = explicitUrl != null ? explicitUrl : StoreEnvironment.system().keyValueUrl();
    StoreUrl parsed;
    try {
      parsed = StoreUrl.parse(text);
    } catch (InvalidInputException e) {
      throw UsageErrors.invalidArgument(spec, "--kv: " + e.getMessage(), e);
    }
    if (!parsed.kind().isKeyValue()) {
      throw UsageErrors.invalidArgument(spec,
          "--kv needs a key-value URL (memory:, redis://, rediss://, redis-sentinel://, redis-cluster://), got "
              + parsed, null);
    }
    if (parsed.kind() == StoreUrl.Kind.MEMORY) {
      Terminal.of(spec).err().println("cairn: warning: memory: is a new, empty store in this process; give --kv "
          + "redis://... or set CAIRN_KV_URL to reach data that outlives the command");
    }
    return KeyValue.open(text, connectTimeout.keyValueOptions());
  }

  /**
   * An opened store and the view the command works on.
   *
   * @param store the store itself, closed by {@link #close()}
   * @param view what commands read and write: the store or its {@code --prefix} view
   */
  record OpenStore(KeyValue store, KeyValue view) implements AutoCloseable {
    @Override
    public void close() {
      store.close();
    }
  }
}
