package dev.cairn.server.http.internal;

import dev.cairn.core.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own refusals (a request it cannot parse, such as a NUL byte in the path) never reach Javalin; this gives
 * them the same JSON error body instead of Jetty's HTML page.
 */
public final class JettyErrors extends ErrorHandler {
  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = request.getAttribute(ERROR_STATUS) instanceof Integer code ? code : response.getStatus();
    if (status < 400) {
      status = 400;
    }
    String code = switch (status) {
      case 400 -> "BAD_REQUEST";
      case 413 -> "BODY_TOO_LARGE";
      case 414 -> "URI_TOO_LONG";
      case 431 -> "HEADERS_TOO_LARGE";
      default -> "REQUEST_REFUSED";
    };
    ApiError error = new ApiError(status, code, "the server could not accept this request (" + status + ")",
        "cairn.server", Map.of("status", status));
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Responses.JSON);
    response.write(true, ByteBuffer.wrap(Json.write(error.body()).getBytes(StandardCharsets.UTF_8)), callback);
    return true;
  }
}
