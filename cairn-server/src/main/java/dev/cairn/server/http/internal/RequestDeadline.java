package dev.cairn.server.http.internal;

import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.BufferUtil;

/**
 * A request's deadline (its arrival plus the configured request timeout) and a way to tell whether its client is
 * still connected. Set on every request by {@link #start}; read by {@link DatabaseLanes} before it starts queued
 * work.
 *
 * <p>Jetty notices a client that closed its connection only when it next reads or writes on it, and during a
 * handler it does neither: the request's failure listeners fire after the handler, when the response is written.
 * {@link #clientGone()} therefore asks the connection itself with a non-blocking read of at most one byte: -1
 * (end of stream) or an I/O error means the client left. The body has been read by then, and HTTP/1.1 clients do
 * not send the next request before this response (pipelining is not used by browsers, curl or java.net.http); if
 * one did, the byte read here would be lost, so such a connection is closed after its response.
 */
public final class RequestDeadline {
  private static final String ATTRIBUTE = "cairn.deadline";
  private final long deadlineNanos;
  private final EndPoint endPoint;
  private final Context ctx;

  private RequestDeadline(long deadlineNanos, EndPoint endPoint, Context ctx) {
    this.deadlineNanos = deadlineNanos;
    this.endPoint = endPoint;
    this.ctx = ctx;
  }

  /** Stamps the request's deadline; called first for every request. */
  public static void start(Context ctx, Duration timeout) {
    EndPoint endPoint = null;
    try {
      endPoint = ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData().getConnection()
          .getEndPoint();
    } catch (RuntimeException notJetty) {
      // Without Jetty's request (never the case in this server) the client is taken as present.
    }
    ctx.attribute(ATTRIBUTE, new RequestDeadline(System.nanoTime() + timeout.toNanos(), endPoint, ctx));
  }

  /** The deadline of the request; one of the full timeout from now when {@link #start} did not run. */
  static RequestDeadline of(Context ctx, Duration fallback) {
    RequestDeadline deadline = ctx.attribute(ATTRIBUTE);
    return deadline != null ? deadline : new RequestDeadline(System.nanoTime() + fallback.toNanos(), null, ctx);
  }

  /** Nanoseconds left, negative once past. */
  long remainingNanos() {
    return deadlineNanos - System.nanoTime();
  }

  boolean expired() {
    return remainingNanos() <= 0;
  }

  /** Whether the client closed its connection (see the class comment); never blocks. */
  boolean clientGone() {
    if (endPoint == null) {
      return false;
    }
    if (!endPoint.isOpen() || endPoint.isInputShutdown()) {
      return true;
    }
    ByteBuffer probe = BufferUtil.allocate(1);
    try {
      int read = endPoint.fill(probe);
      if (read > 0) {
        ctx.header("Connection", "close");
      }
      return read < 0;
    } catch (java.io.IOException | RuntimeException e) {
      return true;
    }
  }
}
