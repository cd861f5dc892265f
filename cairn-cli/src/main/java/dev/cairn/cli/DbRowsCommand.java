package dev.cairn.cli;

import dev.cairn.core.InvalidInputException;
import dev.cairn.server.http.AdminConfig;
import dev.cairn.server.http.FilterParser;
import dev.cairn.sql.Cursor;
import dev.cairn.sql.Database;
import dev.cairn.sql.Filter;
import dev.cairn.sql.Page;
import dev.cairn.sql.Query;
import dev.cairn.sql.Schema.ColumnInfo;
import dev.cairn.sql.Sort;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cairn db rows TABLE}: one page of a table's rows, filtered and sorted. Table, sort and filter columns are
 * checked against the live schema by {@link dev.cairn.sql.Rows}; values are bound, never spliced into SQL.
 *
 * <p>Paging as {@code GET /api/v1/db/tables/{table}}: pages of {@value AdminConfig#DEFAULT_PAGE_SIZE} rows by
 * default, at most {@value AdminConfig#DEFAULT_MAX_PAGE_SIZE}; {@code next} (JSON) or the last line (text) gives
 * the cursor of the following page, passed back with {@code --cursor}.
 */
@Command(
    name = "rows",
    mixinStandardHelpOptions = true,
    description = "Show one page of a table's rows.",
    footer = {
      "",
      "Filters use PostgREST's operators; all of them must hold:",
      "  eq.v neq.v gt.v gte.v lt.v lte.v like.A* in.(a,b) is.null is.true is.false",
      "  and not. negates: --filter name=not.like.A* --filter age=gte.18"
    })
final class DbRowsCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TABLE", description = "The table, as stored.")
  private String table;

  @Option(names = "--page", paramLabel = "N", defaultValue = "1", description = "Page number, from 1 (default: 1).")
  private int page;

  @Option(
      names = "--page-size",
      paramLabel = "N",
      defaultValue = "" + AdminConfig.DEFAULT_PAGE_SIZE,
      description = "Rows per page, 1 to " + AdminConfig.DEFAULT_MAX_PAGE_SIZE + " (default: ${DEFAULT-VALUE}).")
  private int pageSize;

  @Option(
      names = "--cursor",
      paramLabel = "C",
      description = "Continue after a previous page: its next cursor (printed last, or \"next\" with --json).")
  private String cursor;

  @Option(
      names = "--sort",
      paramLabel = "COL[:desc]",
      description = "Sort by a column, ascending or with :desc descending; repeat for more keys.")
  private List<String> sorts = List.of();

  @Option(names = "--filter", paramLabel = "COL=OP.VALUE", description = "A condition on a column; repeatable.")
  private List<String> filters = List.of();

  @Mixin
  private DatabaseOption database;

  @Mixin
  private OutputFormat format;

  @Override
  public Integer call() {
    Query query = query();
    try (Database db = database.open(spec)) {
      // The schema gives the header even for an empty page, and an unknown table fails before the query.
      List<String> columns = db.schema().table(table).orElseThrow().columns().stream().map(ColumnInfo::name).toList();
      Page<Map<String, Object>> rows = db.rows(table).query(query).orElseThrow();
      print(Terminal.of(spec).out(), columns, rows);
      return ExitCodes.OK;
    }
  }

  private Query query() {
    if (page < 1) {
      throw UsageErrors.invalidArgument(spec, "--page must be >= 1, was " + page, null);
    }
    if (pageSize < 1) {
      throw UsageErrors.invalidArgument(spec, "--page-size must be >= 1, was " + pageSize, null);
    }
    if (pageSize > AdminConfig.DEFAULT_MAX_PAGE_SIZE) {
      // The HTTP API's code for the same limit.
      throw new InvalidInputException("PAGE_SIZE_TOO_LARGE", "--page-size must be at most "
          + AdminConfig.DEFAULT_MAX_PAGE_SIZE + ", was " + pageSize, Map.of("max_page_size",
          AdminConfig.DEFAULT_MAX_PAGE_SIZE), null);
    }
    List<Filter> conditions = new ArrayList<>();
    for (String filter : filters) {
      conditions.add(FilterParser.parseArgument(filter));
    }
    Query query = Query.where(
            conditions.size() == 1 ? conditions.getFirst() : Filter.and(conditions.toArray(Filter[]::new)))
        .orderBy(sorts.stream().map(this::sort).toList())
        .page(page, pageSize)
        .withTotal();
    return cursor == null || cursor.isEmpty() ? query : query.after(Cursor.of(cursor));
  }

  private Sort sort(String text) {
    int colon = text.lastIndexOf(':');
    String column = colon < 0 ? text : text.substring(0, colon);
    String direction = colon < 0 ? "asc" : text.substring(colon + 1);
    if (column.isBlank() || !(direction.equals("asc") || direction.equals("desc"))) {
      throw UsageErrors.invalidArgument(spec,
          "--sort takes COLUMN, COLUMN:asc or COLUMN:desc, got '" + DisplayValue.text(text, 80) + "'", null);
    }
    return new Sort(column, direction.equals("desc"));
  }

  private void print(PrintStream out, List<String> columns, Page<Map<String, Object>> rows) {
    long total = rows.total().orElse(rows.items().size());
    if (format.json()) {
      // The same names as the HTTP API's table endpoint.
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("success", true);
      json.put("table", table);
      json.put("page", rows.page());
      json.put("page_size", rows.pageSize());
      json.put("total_records", total);
      json.put("records", rows.items());
      json.put("next", rows.next().map(Object::toString).orElse(null));
      OutputFormat.printJson(out, json);
      return;
    }
    TablePrinter printer = new TablePrinter(columns);
    for (Map<String, Object> row : rows.items()) {
      printer.add(columns.stream().map(row::get).toList());
    }
    printer.print(out);
    long pages = Math.max(1, (total + rows.pageSize() - 1) / rows.pageSize());
    out.println("(" + rows.items().size() + " of " + total + " rows, page " + rows.page() + " of " + pages + ")");
    rows.next().ifPresent(next -> out.println("more: add --cursor " + next + " for the next page"));
  }
}
