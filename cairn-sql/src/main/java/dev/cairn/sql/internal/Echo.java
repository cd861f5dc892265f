package dev.cairn.sql.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SQL echo ({@link dev.cairn.sql.PoolSettings#echo()}): a connection handed out by the pool is wrapped so that
 * every statement it prepares or executes is logged at DEBUG on {@code dev.cairn.sql.echo}. Bound values never
 * reach the log (a prepared statement is logged when prepared, before any value is bound), and the literals of
 * the SQL text are masked ({@code '****'}, numbers as {@code ?}), so a password or an e-mail written into raw SQL
 * does not leak either.
 */
final class Echo implements InvocationHandler {
  static final Logger LOG = LoggerFactory.getLogger("dev.cairn.sql.echo");
  private static final Set<String> LOGGED_STATEMENT_CALLS = Set.of("execute", "executeQuery", "executeUpdate",
      "executeLargeUpdate", "addBatch");
  private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^']|'')*'");
  private static final Pattern NUMBER_LITERAL = Pattern.compile("(?<![\\w\"`$.])-?\\d+(?:\\.\\d+)?(?![\\w\"`])");

  private final Object target;

  private Echo(Object target) {
    this.target = target;
  }

  /** {@code connection}, logging its statements when {@code echo} is on. */
  static Connection wrap(Connection connection, boolean echo) {
    if (!echo) {
      return connection;
    }
    return (Connection) Proxy.newProxyInstance(Echo.class.getClassLoader(), new Class<?>[] {Connection.class},
        new Echo(connection));
  }

  /** The pool's own connection behind a wrapped one (the pool evicts only its own). */
  static Connection unwrap(Connection connection) {
    if (Proxy.isProxyClass(connection.getClass()) && Proxy.getInvocationHandler(connection) instanceof Echo echo) {
      return (Connection) echo.target;
    }
    return connection;
  }

  /** Whether statements on {@code connection} are echoed (for the prepared-statement cache, which unwraps). */
  static boolean isEchoed(Connection connection) {
    return Proxy.isProxyClass(connection.getClass()) && Proxy.getInvocationHandler(connection) instanceof Echo;
  }

  static void log(String sql) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("{}", masked(sql));
    }
  }

  /** The SQL text with its string and number literals masked. */
  static String masked(String sql) {
    String strings = STRING_LITERAL.matcher(sql).replaceAll("'****'");
    return NUMBER_LITERAL.matcher(strings).replaceAll("?");
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    String name = method.getName();
    if (target instanceof Connection && (name.equals("prepareStatement") || name.equals("prepareCall"))
        && args != null && args[0] instanceof String sql) {
      log(sql);
    } else if (target instanceof Statement && LOGGED_STATEMENT_CALLS.contains(name) && args != null
        && args.length > 0 && args[0] instanceof String sql) {
      log(sql);
    }
    Object result;
    try {
      result = method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
    if (target instanceof Connection && name.equals("createStatement") && result instanceof Statement statement) {
      return Proxy.newProxyInstance(Echo.class.getClassLoader(), new Class<?>[] {Statement.class},
          new Echo(statement));
    }
    return result;
  }
}
