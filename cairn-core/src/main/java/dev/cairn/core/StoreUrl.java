package dev.cairn.core;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed store URL: the one way Cairn is configured. Accepted forms:
 *
 * <ul>
 *   <li>{@code sqlite:data/app.db}, {@code sqlite::memory:}, SQLAlchemy's {@code sqlite:///rel.db} and
 *       {@code sqlite:////abs.db}, {@code jdbc:sqlite:...}
 *   <li>{@code postgresql://user:pass@host:5432/db} (also {@code postgres://}, {@code jdbc:postgresql://})
 *   <li>{@code mysql://...}, {@code mariadb://...} (and their {@code jdbc:} forms)
 *   <li>{@code memory:}
 *   <li>{@code redis://user:pass@host:6379/0}, {@code rediss://...?ca=/ca.pem&cert=...&key=...}
 *   <li>{@code redis-sentinel://h1:26379,h2:26379/0?master=mymaster} (or {@code #mymaster})
 *   <li>{@code redis-cluster://h1:p1,h2:p2}
 * </ul>
 *
 * A driver suffix as SQLAlchemy writes it ({@code postgresql+asyncpg://}) is accepted and ignored. User and
 * password are percent-decoded. {@link #toString()} masks the password and secret-looking parameters, so a
 * StoreUrl is safe to log. Immutable and thread-safe.
 *
 * <p>Passwords with delimiters: the host part ends at the first {@code /}, {@code ?} or {@code #}, so a password
 * holding one of them must be percent-encoded ({@code %2F}, {@code %3F}, {@code %23}; {@code %40} for {@code @},
 * which is also accepted raw before the host). A URL with an {@code @} after the host part (except in the value of
 * a {@code user} or {@code password} parameter, as in {@code ?user=me@corp}) is refused as {@code INVALID_URL}
 * rather than parsed as some other host, port, database or parameter made of pieces of the password. Parse errors never show any part of the user info: the URL is shown
 * with everything between the scheme and its last {@code @} replaced by {@code ****}, and host, port or database
 * text is quoted only when no {@code @} follows the host part.
 *
 * @param kind which store the URL names
 * @param tls whether the connection must use TLS ({@code rediss}, or {@code ssl=true}/{@code sslmode} for SQL)
 * @param user user name, or {@code null}
 * @param password password, or {@code null}; never shown by {@link #toString()}
 * @param hosts one or more hosts (empty for SQLite and memory)
 * @param path SQLite file path ({@code :memory:} for an in-memory database), SQL database name or Redis database
 *     number; may be empty
 * @param params query parameters in order
 */
public record StoreUrl(
    Kind kind, boolean tls, String user, String password, List<Host> hosts, String path, Map<String, String> params) {

  /** The stores Cairn can open. */
  public enum Kind {
    SQLITE(0), POSTGRESQL(5432), MYSQL(3306), MARIADB(3306), MEMORY(0), REDIS(6379), REDIS_SENTINEL(26379),
    REDIS_CLUSTER(6379),
    /**
     * A SQL database of a scheme Cairn does not ship, opened by a backend registered with cairn-sql; only
     * {@link StoreUrl#plugged(String)} makes one ({@link StoreUrl#parse} never does). Its {@code path} is the whole
     * URL text, which the backend reads.
     */
    PLUGGED_SQL(0);

    private final int defaultPort;

    Kind(int defaultPort) {
      this.defaultPort = defaultPort;
    }

    public int defaultPort() {
      return defaultPort;
    }

    public boolean isSql() {
      return this == SQLITE || this == POSTGRESQL || this == MYSQL || this == MARIADB || this == PLUGGED_SQL;
    }

    public boolean isKeyValue() {
      return !isSql();
    }
  }

  /** A host and port; IPv6 literals are kept without brackets. */
  public record Host(String name, int port) {
    public Host {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
      return (name.contains(":") ? "[" + name + "]" : name) + ":" + port;
    }
  }

  public static final String MEMORY_PATH = ":memory:";
  private static final String MASK = "****";
  private static final Set<String> SECRET_PARAMS =
      Set.of("password", "passwd", "pwd", "pass", "secret", "token", "sslpassword", "auth");

  public StoreUrl {
    Objects.requireNonNull(kind, "kind");
    hosts = List.copyOf(hosts);
    path = path == null ? "" : path;
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /**
   * Parses a store URL.
   *
   * @throws InvalidInputException {@code INVALID_URL} for a malformed URL, {@code UNSUPPORTED_URL_SCHEME} for an
   *     unknown scheme; the message shows the URL with its password masked
   */
  public static StoreUrl parse(String url) {
    if (url == null || url.isBlank()) {
      throw new InvalidInputException("INVALID_URL", "store URL is empty");
    }
    return new Parser(url.strip()).parse();
  }

  /**
   * The URL of a SQL database whose scheme a plugged-in backend serves ({@code h2:mem:test}); see
   * {@link Kind#PLUGGED_SQL}. The text is kept whole (as {@link #path()}); {@link #toString()} masks a user info
   * ({@code //user:password@}) and secret-looking parameters ({@code password=...}, {@code ;PASSWORD=...}).
   *
   * @throws InvalidInputException {@code INVALID_URL} for a text without a scheme
   */
  public static StoreUrl plugged(String url) {
    if (url == null || url.isBlank()) {
      throw new InvalidInputException("INVALID_URL", "store URL is empty");
    }
    String text = url.strip();
    if (!text.matches("(?i)(jdbc:)?[a-z][a-z0-9-]*:.*")) {
      throw new InvalidInputException("INVALID_URL", "store URL has no scheme");
    }
    return new StoreUrl(Kind.PLUGGED_SQL, false, null, null, List.of(), text, Map.of());
  }

  /**
   * The URL scheme, lower case: {@code sqlite}, {@code postgresql}, {@code mysql}, {@code mariadb}, {@code memory},
   * {@code redis}, ...; for a {@linkplain Kind#PLUGGED_SQL plugged} database the scheme of its text.
   */
  public String scheme() {
    if (kind == Kind.PLUGGED_SQL) {
      String text = path.regionMatches(true, 0, "jdbc:", 0, 5) ? path.substring(5) : path;
      return text.substring(0, text.indexOf(':')).toLowerCase(Locale.ROOT);
    }
    return switch (kind) {
      case SQLITE -> "sqlite";
      case POSTGRESQL -> "postgresql";
      case MYSQL -> "mysql";
      case MARIADB -> "mariadb";
      case MEMORY -> "memory";
      case REDIS -> tls ? "rediss" : "redis";
      case REDIS_SENTINEL -> tls ? "rediss-sentinel" : "redis-sentinel";
      case REDIS_CLUSTER -> tls ? "rediss-cluster" : "redis-cluster";
      case PLUGGED_SQL -> throw new IllegalStateException("handled above");
    };
  }

  /** The first host; fails for URLs without hosts. */
  public Host host() {
    if (hosts.isEmpty()) {
      throw new IllegalStateException(kind + " URL has no host");
    }
    return hosts.getFirst();
  }

  public boolean isSqliteMemory() {
    return kind == Kind.SQLITE && MEMORY_PATH.equals(path);
  }

  public String param(String name, String fallback) {
    return params.getOrDefault(name, fallback);
  }

  /** Same URL with another path (database name / file); keeps credentials. */
  public StoreUrl withPath(String newPath) {
    return new StoreUrl(kind, tls, user, password, hosts, newPath, params);
  }

  /** The URL with the password and secret parameters replaced by {@code ****}. */
  public String redacted() {
    if (kind == Kind.PLUGGED_SQL) {
      return path.replaceAll("//[^/?#;]*@", "//" + MASK + "@")
          .replaceAll("(?i)((?:password|passwd|pwd|pass|secret|token|auth)=)[^&;]*", "$1" + MASK);
    }
    StringBuilder out = new StringBuilder(scheme());
    switch (kind) {
      case SQLITE -> out.append(':').append(path);
      case MEMORY -> out.append(':');
      default -> {
        out.append("://");
        if (user != null || password != null) {
          // redis://SECRET@host is how Lettuce, Jedis and redis-cli users write a password alone: not shown.
          boolean userMayBePassword = password == null && isRedis();
          out.append(user == null ? "" : userMayBePassword ? MASK : user);
          if (password != null) {
            out.append(':').append(MASK);
          }
          out.append('@');
        }
        out.append(String.join(",", hosts.stream().map(Host::toString).toList()));
        if (!path.isEmpty()) {
          out.append('/').append(path);
        }
      }
    }
    if (!params.isEmpty()) {
      out.append('?');
      List<String> pairs = new ArrayList<>();
      params.forEach((k, v) -> pairs.add(k + "=" + (SECRET_PARAMS.contains(k.toLowerCase(Locale.ROOT)) ? MASK : v)));
      out.append(String.join("&", pairs));
    }
    return out.toString();
  }

  private boolean isRedis() {
    return kind == Kind.REDIS || kind == Kind.REDIS_SENTINEL || kind == Kind.REDIS_CLUSTER;
  }

  /** Redacted, so it can be logged or shown. */
  @Override
  public String toString() {
    return redacted();
  }

  /** Hand-written because java.net.URI rejects the comma-separated host lists of Sentinel and Cluster URLs. */
  private static final class Parser {
    private static final Set<String> SCHEMES = Set.of("sqlite", "memory", "mem", "postgresql", "postgres", "pgsql",
        "mysql", "mariadb", "redis", "rediss", "redis-sentinel", "rediss-sentinel", "redis-cluster",
        "rediss-cluster");
    private static final String ENCODE_HINT = "; percent-encode '/', '?', '#' and '@' in a user name or password"
        + " (%2F, %3F, %23, %40)";
    private final String original;
    /** Whether an '@' follows the host part: then host, port and database text may be pieces of a password. */
    private boolean atAfterHost;

    Parser(String original) {
      this.original = original;
    }

    StoreUrl parse() {
      String url = original.regionMatches(true, 0, "jdbc:", 0, 5) ? original.substring(5) : original;
      int colon = url.indexOf(':');
      if (colon <= 0) {
        throw invalid("has no scheme (expected e.g. sqlite:data/app.db, postgresql://host/db, redis://host:6379)");
      }
      String scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
      int plus = scheme.indexOf('+');
      if (plus > 0) {
        scheme = scheme.substring(0, plus); // SQLAlchemy driver suffix: postgresql+asyncpg
      }
      String rest = url.substring(colon + 1);
      return switch (scheme) {
        case "sqlite" -> sqlite(rest);
        case "memory", "mem" -> new StoreUrl(Kind.MEMORY, false, null, null, List.of(), "", query(rest));
        case "postgresql", "postgres", "pgsql" -> server(Kind.POSTGRESQL, false, rest);
        case "mysql" -> server(Kind.MYSQL, false, rest);
        case "mariadb" -> server(Kind.MARIADB, false, rest);
        case "redis" -> server(Kind.REDIS, false, rest);
        case "rediss" -> server(Kind.REDIS, true, rest);
        case "redis-sentinel" -> server(Kind.REDIS_SENTINEL, false, rest);
        case "rediss-sentinel" -> server(Kind.REDIS_SENTINEL, true, rest);
        case "redis-cluster" -> server(Kind.REDIS_CLUSTER, false, rest);
        case "rediss-cluster" -> server(Kind.REDIS_CLUSTER, true, rest);
        default -> throw new InvalidInputException("UNSUPPORTED_URL_SCHEME",
            "unsupported store URL scheme " + (rest.startsWith("//") && scheme.matches("[a-z][a-z0-9.-]*")
                ? "'" + scheme + "' " : "") + "in " + safe()
                + " (supported: sqlite, postgresql, mysql, mariadb, memory, redis, rediss, redis-sentinel,"
                + " redis-cluster)");
      };
    }

    private StoreUrl sqlite(String rest) {
      String query = "";
      int q = rest.indexOf('?');
      if (q >= 0) {
        query = rest.substring(q);
        rest = rest.substring(0, q);
      }
      String path;
      if (rest.startsWith("///")) {
        path = rest.substring(3); // SQLAlchemy: sqlite:///relative.db, sqlite:////absolute.db
      } else if (rest.startsWith("//")) {
        path = rest.substring(2);
      } else {
        path = rest;
      }
      if (path.isEmpty() || path.equals(MEMORY_PATH) || path.equals("memory")) {
        path = MEMORY_PATH;
      }
      return new StoreUrl(Kind.SQLITE, false, null, null, List.of(), path, query(query));
    }

    private StoreUrl server(Kind kind, boolean tls, String rest) {
      if (!rest.startsWith("//")) {
        throw invalid("must start with " + kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + "://");
      }
      rest = rest.substring(2);
      int hostEnd = indexOfAny(rest, "/?#");
      refuseAtAfterHost(rest.substring(hostEnd));
      String fragment = null;
      int hash = rest.indexOf('#');
      if (hash >= 0) {
        fragment = rest.substring(hash + 1);
        rest = rest.substring(0, hash);
      }
      Map<String, String> params = new LinkedHashMap<>();
      int q = rest.indexOf('?');
      if (q >= 0) {
        params = query(rest.substring(q));
        rest = rest.substring(0, q);
      }
      String path = "";
      int slash = rest.indexOf('/');
      if (slash >= 0) {
        path = decode(rest.substring(slash + 1));
        rest = rest.substring(0, slash);
      }
      String user = null;
      String password = null;
      int at = rest.lastIndexOf('@');
      if (at >= 0) {
        String userInfo = rest.substring(0, at);
        rest = rest.substring(at + 1);
        int c = userInfo.indexOf(':');
        if (c >= 0) {
          user = decode(userInfo.substring(0, c));
          password = decode(userInfo.substring(c + 1));
        } else {
          user = decode(userInfo);
        }
        if (user != null && user.isEmpty()) {
          user = null;
        }
      }
      if (user == null && params.containsKey("user")) {
        user = params.remove("user");
      }
      if (password == null && params.containsKey("password")) {
        password = params.remove("password");
      }
      List<Host> hosts = hosts(kind, rest);
      if (kind == Kind.REDIS_SENTINEL && fragment != null && !fragment.isEmpty()) {
        params.putIfAbsent("master", fragment);
      }
      if (kind != Kind.REDIS && kind != Kind.REDIS_SENTINEL && kind != Kind.REDIS_CLUSTER) {
        String ssl = params.getOrDefault("ssl", params.getOrDefault("sslmode", "")).toLowerCase(Locale.ROOT);
        tls = ssl.equals("true") || ssl.equals("require") || ssl.startsWith("verify");
      } else if (!path.isEmpty() && !path.chars().allMatch(Character::isDigit)) {
        throw invalid("has a Redis database " + quoted(path) + "that is not a number");
      }
      return new StoreUrl(kind, tls, user, password, hosts, path, params);
    }

    /**
     * Refuses an '@' after the host part: it is almost surely the end of a user info whose password held a raw
     * '/', '?' or '#', and parsing on would take pieces of the password for the host, port, database or a
     * parameter. Only the {@code user} and {@code password} parameters may hold one ({@code ?user=me@corp}).
     */
    private void refuseAtAfterHost(String afterHost) {
      if (afterHost.indexOf('@') < 0) {
        return;
      }
      atAfterHost = true;
      int hash = afterHost.indexOf('#');
      String beforeFragment = hash < 0 ? afterHost : afterHost.substring(0, hash);
      int q = beforeFragment.indexOf('?');
      boolean strayAt = hash >= 0 && afterHost.indexOf('@', hash) >= 0
          || (q < 0 ? beforeFragment : beforeFragment.substring(0, q)).indexOf('@') >= 0;
      if (q >= 0 && !strayAt) {
        for (String pair : beforeFragment.substring(q + 1).split("&")) {
          String name = pair.substring(0, pair.indexOf('=') < 0 ? pair.length() : pair.indexOf('='));
          strayAt |= pair.indexOf('@') >= 0 && !name.equalsIgnoreCase("user") && !name.equalsIgnoreCase("password");
        }
      }
      if (strayAt) {
        throw invalid("has an '@' after the host");
      }
    }

    private static int indexOfAny(String text, String characters) {
      for (int i = 0; i < text.length(); i++) {
        if (characters.indexOf(text.charAt(i)) >= 0) {
          return i;
        }
      }
      return text.length();
    }

    private List<Host> hosts(Kind kind, String list) {
      if (list.isBlank()) {
        throw invalid("has no host");
      }
      List<Host> hosts = new ArrayList<>();
      for (String part : list.split(",")) {
        String name;
        String port = null;
        if (part.startsWith("[")) {
          int close = part.indexOf(']');
          if (close < 0) {
            throw invalid("has an unclosed IPv6 address");
          }
          name = part.substring(1, close);
          if (part.length() > close + 1) {
            if (part.charAt(close + 1) != ':') {
              throw invalid("has a malformed host " + quoted(part));
            }
            port = part.substring(close + 2);
          }
        } else {
          int c = part.lastIndexOf(':');
          name = c >= 0 ? part.substring(0, c) : part;
          port = c >= 0 ? part.substring(c + 1) : null;
        }
        if (name.isBlank()) {
          throw invalid("has an empty host");
        }
        hosts.add(new Host(name, port == null || port.isEmpty() ? kind.defaultPort() : port(port)));
      }
      return hosts;
    }

    private int port(String text) {
      try {
        int port = Integer.parseInt(text);
        if (port < 1 || port > 65535) {
          throw invalid("has port " + (atAfterHost ? "" : port + " ") + "outside 1..65535");
        }
        return port;
      } catch (NumberFormatException e) {
        throw invalid("has a port " + quoted(text) + "that is not a number");
      }
    }

    /** {@code 'text' } for a message, or nothing when the text may be a piece of a password. */
    private String quoted(String text) {
      return atAfterHost ? "" : "'" + text + "' ";
    }

    private Map<String, String> query(String query) {
      Map<String, String> params = new LinkedHashMap<>();
      String q = query.startsWith("?") ? query.substring(1) : query;
      if (q.isEmpty()) {
        return params;
      }
      for (String pair : q.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        params.put(decode(eq >= 0 ? pair.substring(0, eq) : pair), eq >= 0 ? decode(pair.substring(eq + 1)) : "");
      }
      return params;
    }

    private String decode(String text) {
      try {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw invalid("has a malformed percent-escape");
      }
    }

    private InvalidInputException invalid(String problem) {
      return new InvalidInputException("INVALID_URL",
          "store URL " + safe() + " " + problem + (atAfterHost ? ENCODE_HINT : ""));
    }

    /**
     * The original text with everything between the scheme and the last '@' masked, and secret parameters too;
     * never parses, so it cannot fail. Without a known scheme the mask starts at the beginning: in
     * {@code user:password@host} the "scheme" is the user name.
     */
    private String safe() {
      int at = original.lastIndexOf('@');
      String shown = original;
      if (at >= 0) {
        int start = userInfoStart(at);
        shown = original.substring(0, start) + MASK + original.substring(at);
      }
      return shown.replaceAll("(?i)((?:password|passwd|pwd|pass|secret|token|auth)=)[^&]*", "$1" + MASK);
    }

    private int userInfoStart(int at) {
      int offset = original.regionMatches(true, 0, "jdbc:", 0, 5) ? 5 : 0;
      int colon = original.indexOf(':', offset);
      if (colon < 0 || colon > at) {
        return offset;
      }
      String scheme = original.substring(offset, colon).toLowerCase(Locale.ROOT);
      int plus = scheme.indexOf('+');
      boolean known = SCHEMES.contains(plus > 0 ? scheme.substring(0, plus) : scheme);
      boolean slashes = original.startsWith("//", colon + 1);
      if (!known && !(slashes && scheme.matches("[a-z][a-z0-9+.-]*"))) {
        return offset;
      }
      return slashes ? colon + 3 : colon + 1;
    }
  }
}
