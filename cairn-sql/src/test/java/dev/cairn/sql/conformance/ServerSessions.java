package dev.cairn.sql.conformance;

import dev.cairn.core.StoreUrl;
import dev.cairn.testkit.TestSupport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Finds and kills the server sessions of the database under test, the way an administrator or a server
 * restart ends them. Only sessions of that database (each test class owns its own) are ever looked at, so
 * tests running against the shared server never touch each other's connections.
 */
final class ServerSessions {
  private ServerSessions() {}

  /**
   * The one session of the database (other than ours) that has an open transaction with a write in it. Polls for
   * up to 20 s, no more often than every 150 ms: MariaDB refreshes its {@code innodb_trx} snapshot only when it has
   * not been read for 100 ms, so faster polling keeps the snapshot frozen (a killed session's transaction stays
   * listed, a new one never appears).
   */
  static long openTransaction(StoreUrl url) {
    String sql = url.kind() == StoreUrl.Kind.POSTGRESQL
        ? "select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()"
            + " and state like 'idle in transaction%' and backend_xid is not null"
        : "select t.trx_mysql_thread_id from information_schema.innodb_trx t"
            + " join information_schema.processlist p on p.id = t.trx_mysql_thread_id"
            + " where p.db = database() and p.id <> connection_id()";
    // 20 s, not less: on a loaded 2-core machine a few polls may be all that fit in a shorter bound.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    // Pause before the first read too: an earlier read within 100 ms would make it a stale snapshot.
    List<Long> found;
    do {
      pause();
      found = query(url, sql, null);
    } while (found.size() != 1 && System.nanoTime() < deadline);
    if (found.size() != 1) {
      throw new AssertionError("expected one session of " + url + " with an open transaction, found " + found);
    }
    return found.getFirst();
  }

  private static void pause() {
    try {
      Thread.sleep(150);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while looking for a session", e);
    }
  }

  /**
   * Waits (up to 10 s) for the one session of the database running a statement that matches {@code like} (a SQL
   * LIKE pattern, lower case). PostgreSQL shows the statement the client sent, MariaDB the one running now, which
   * may be a statement of a trigger.
   */
  static long running(StoreUrl url, String like) throws InterruptedException {
    String sql = url.kind() == StoreUrl.Kind.POSTGRESQL
        ? "select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()"
            + " and state = 'active' and lower(query) like ?"
        : "select id from information_schema.processlist where db = database() and id <> connection_id()"
            + " and lower(info) like ?";
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      List<Long> found = query(url, sql, like);
      if (found.size() == 1) {
        return found.getFirst();
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no session of " + url + " ran a statement like '" + like + "' within 10 s");
  }

  /** Ends the session from the server side and waits until it is gone. */
  static void kill(StoreUrl url, long session) {
    try (Connection admin = TestSupport.connect(url); Statement statement = admin.createStatement()) {
      if (url.kind() == StoreUrl.Kind.POSTGRESQL) {
        statement.execute("select pg_terminate_backend(" + session + ")");
      } else {
        statement.execute("KILL " + session);
      }
      String gone = url.kind() == StoreUrl.Kind.POSTGRESQL
          ? "select count(*) from pg_stat_activity where pid = " + session
          : "select count(*) from information_schema.processlist where id = " + session;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (true) {
        try (ResultSet rs = statement.executeQuery(gone)) {
          rs.next();
          if (rs.getLong(1) == 0) {
            return;
          }
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError("session " + session + " of " + url + " still exists 10 s after it was killed");
        }
        Thread.sleep(20);
      }
    } catch (SQLException e) {
      throw new AssertionError("killing session " + session + " of " + url + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while killing session " + session, e);
    }
  }

  private static List<Long> query(StoreUrl url, String sql, String parameter) {
    try (Connection admin = TestSupport.connect(url); PreparedStatement statement = admin.prepareStatement(sql)) {
      if (parameter != null) {
        statement.setString(1, parameter);
      }
      List<Long> ids = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
      return ids;
    } catch (SQLException e) {
      throw new AssertionError("looking up sessions of " + url + " failed: " + e.getMessage(), e);
    }
  }
}
