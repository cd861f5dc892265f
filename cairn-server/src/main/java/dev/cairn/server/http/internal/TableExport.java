package dev.cairn.server.http.internal;

import dev.cairn.core.Json;
import dev.cairn.core.Result;
import dev.cairn.sql.Database;
import dev.cairn.sql.Query;
import dev.cairn.sql.Schema;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/db/tables/{table}/export?format=csv|json}: every row of the table view the rows route pages
 * through (the same filters and sort parameters), streamed: one statement read with the driver's fetch size
 * ({@link dev.cairn.sql.Rows#stream(Query, Consumer)}), each row written to the response as it comes, so memory
 * stays bounded whatever the table's size. The rows are those of the rows route's pages concatenated, in that order;
 * {@code page}, {@code page_size} and {@code cursor} are ignored. The token and guards are those of every
 * {@code /api/v1/db} read ({@link Guards}); {@code ?db=} picks a named database.
 *
 * <p>JSON is an array of the records exactly as the rows route writes them. CSV is RFC 4180: a header line of the
 * column names, CRLF line ends, a field quoted when it holds a comma, a quote or a line end (quotes doubled);
 * NULL is an empty field, an empty text is {@code ""}. Values are the text of their JSON form (times ISO-8601,
 * bytes Base64, JSON columns as JSON). Against formula injection in spreadsheets, a text field (not a number) that
 * starts with {@code = + - @}, a tab or a carriage return is written with a leading {@code '}, so it is shown, not
 * evaluated; the JSON export is never altered.
 *
 * <p>Failures before the first bytes left (an unknown table or column, a bad filter) are the usual JSON error. A
 * failure after the response started cannot change its status any more: the connection is closed without the end
 * of the chunked body, so the client sees a broken download, never a short file that looks complete.
 */
final class TableExport {
  static final String PATH = "/api/v1/db/tables/{table}/export";
  private static final Logger LOG = LoggerFactory.getLogger(TableExport.class);
  private static final String MODULE = DbRoutes.MODULE;
  private final DatabaseResolver databases;
  private final TableQueryParser queries;
  private final DatabaseLanes lanes;

  TableExport(DatabaseResolver databases, TableQueryParser queries, DatabaseLanes lanes) {
    this.databases = databases;
    this.queries = queries;
    this.lanes = lanes;
  }

  void handle(Context ctx) {
    Map<String, List<String>> params = new HashMap<>(ctx.queryParamMap());
    List<String> formats = params.remove("format");
    Format format = Format.of(formats == null || formats.isEmpty() ? "csv" : formats.getFirst());
    Query query = queries.parse(params);
    String table = ctx.pathParam("table");
    Database database = databases.resolve(ctx);
    ctx.status(200);
    ctx.contentType(format.contentType);
    ctx.header("Content-Disposition", disposition(table, format.extension));
    ctx.header("Cache-Control", "no-store");
    try {
      lanes.read(ctx, database, () -> {
        Schema.TableInfo info = Results.value(database.schema().table(table), MODULE);
        List<String> columns = info.columns().stream().map(Schema.ColumnInfo::name).toList();
        // Not closed on failure: closing the servlet's stream would complete the response, and an error before
        // any row must still be answered as JSON.
        try {
          Writer out = new BufferedWriter(
              new OutputStreamWriter(ctx.res().getOutputStream(), StandardCharsets.UTF_8), 16 * 1024);
          RowWriter writer = format == Format.CSV ? new CsvWriter(out, columns) : new JsonWriter(out);
          Result<Long> streamed = database.rows(table).stream(query, writer);
          Results.value(streamed, MODULE);
          writer.finish();
          out.flush();
          return null;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (RuntimeException failure) {
      if (!ctx.res().isCommitted()) {
        // Nothing left yet: answer the usual error instead of a download.
        ctx.res().resetBuffer();
        ctx.res().setHeader("Content-Disposition", null);
        ctx.res().setHeader("Cache-Control", null);
        throw failure;
      }
      abort(ctx, failure);
    }
  }

  /** Ends a started download so that it is visibly broken: the connection closes before the body's end. */
  private static void abort(Context ctx, RuntimeException failure) {
    if (!(failure instanceof UncheckedIOException)) { // an I/O failure is the client leaving: nothing to say
      LOG.warn("export of {} broke after the response started", ctx.path(), failure);
    }
    try {
      ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData().getConnection()
          .getEndPoint().close();
    } catch (RuntimeException notJetty) {
      // The connection is gone already.
    }
  }

  /** {@code attachment} with a plain file name (characters outside [A-Za-z0-9._-] replaced) and its UTF-8 form. */
  static String disposition(String table, String extension) {
    String plain = table.replaceAll("[^A-Za-z0-9._-]", "_") + "." + extension;
    String encoded = java.net.URLEncoder.encode(table + "." + extension, StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"" + plain + "\"; filename*=UTF-8''" + encoded;
  }

  private enum Format {
    CSV("text/csv; charset=utf-8; header=present", "csv"),
    JSON("application/json", "json");

    final String contentType;
    final String extension;

    Format(String contentType, String extension) {
      this.contentType = contentType;
      this.extension = extension;
    }

    static Format of(String text) {
      return switch (text) {
        case "csv" -> CSV;
        case "json" -> JSON;
        default -> throw ApiError.badRequest("INVALID_PARAMETER", "format must be csv or json", MODULE);
      };
    }
  }

  /** Writes each row as it comes; {@link #finish} ends the document (also when there was no row). */
  private abstract static class RowWriter implements Consumer<Map<String, Object>> {
    final Writer out;

    RowWriter(Writer out) {
      this.out = out;
    }

    @Override
    public final void accept(Map<String, Object> row) {
      try {
        write(row);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    abstract void write(Map<String, Object> row) throws IOException;

    abstract void finish() throws IOException;
  }

  private static final class JsonWriter extends RowWriter {
    private boolean first = true;

    JsonWriter(Writer out) {
      super(out);
    }

    @Override
    void write(Map<String, Object> row) throws IOException {
      out.write(first ? "[\n" : ",\n");
      first = false;
      out.write(Json.write(row));
    }

    @Override
    void finish() throws IOException {
      out.write(first ? "[]\n" : "\n]\n");
    }
  }

  static final class CsvWriter extends RowWriter {
    private final List<String> columns;
    private boolean headerWritten;

    CsvWriter(Writer out, List<String> columns) {
      super(out);
      this.columns = columns;
    }

    // The header is written with the first row (or at the end), so a failure of the statement itself (a bad
    // filter) finds the response not started and answers a JSON error.
    private void header() throws IOException {
      if (!headerWritten) {
        headerWritten = true;
        line(columns.stream().map(name -> (Object) name).toList());
      }
    }

    @Override
    void write(Map<String, Object> row) throws IOException {
      header();
      line(columns.stream().map(row::get).toList());
    }

    @Override
    void finish() throws IOException {
      header();
    }

    private void line(List<Object> values) throws IOException {
      for (int i = 0; i < values.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        out.write(field(values.get(i)));
      }
      out.write("\r\n");
    }

    /** One CSV field for a value as the class comment says. */
    static String field(Object value) {
      if (value == null) {
        return "";
      }
      // exactly as the rows route writes it (Json.write), a JSON string unquoted
      String json = value instanceof String ? null : Json.write(value);
      boolean text = json == null || json.startsWith("\"");
      String shown = json == null ? (String) value : text ? Json.read(json, String.class) : json;
      if (text && !shown.isEmpty() && "=+-@\t\r".indexOf(shown.charAt(0)) >= 0) {
        shown = "'" + shown;
      }
      if (shown.isEmpty() || shown.indexOf(',') >= 0 || shown.indexOf('"') >= 0 || shown.indexOf('\n') >= 0
          || shown.indexOf('\r') >= 0) {
        return '"' + shown.replace("\"", "\"\"") + '"';
      }
      return shown;
    }
  }
}
