package dev.cairn.server.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The export's CSV fields: RFC 4180 quoting, NULL against empty text, and the guard against spreadsheet formulas. */
class TableExportCsvTest {

  @Test
  void plainValues_asTheirJsonText() {
    assertThat(TableExport.CsvWriter.field("Oslo")).isEqualTo("Oslo");
    assertThat(TableExport.CsvWriter.field(42L)).isEqualTo("42");
    assertThat(TableExport.CsvWriter.field(new BigDecimal("12.50"))).isEqualTo("12.50");
    assertThat(TableExport.CsvWriter.field(true)).isEqualTo("true");
    assertThat(TableExport.CsvWriter.field(Instant.parse("2026-01-02T03:04:05Z"))).isEqualTo("2026-01-02T03:04:05Z");
    assertThat(TableExport.CsvWriter.field(Map.of("a", List.of(1)))).isEqualTo("\"{\"\"a\"\":[1]}\"");
  }

  @Test
  void nullIsEmpty_emptyTextIsQuoted() {
    assertThat(TableExport.CsvWriter.field(null)).isEqualTo("");
    assertThat(TableExport.CsvWriter.field("")).isEqualTo("\"\"");
  }

  @Test
  void commasQuotesAndLineEnds_quotedWithQuotesDoubled() {
    assertThat(TableExport.CsvWriter.field("a,b")).isEqualTo("\"a,b\"");
    assertThat(TableExport.CsvWriter.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(TableExport.CsvWriter.field("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
  }

  @Test
  void textThatAFormulaCouldStartWith_prefixed_numbersNot() {
    assertThat(TableExport.CsvWriter.field("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
    assertThat(TableExport.CsvWriter.field("+1")).isEqualTo("'+1");
    assertThat(TableExport.CsvWriter.field("-1")).isEqualTo("'-1");
    assertThat(TableExport.CsvWriter.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(TableExport.CsvWriter.field("\tx")).isEqualTo("'\tx");
    assertThat(TableExport.CsvWriter.field(-1L)).isEqualTo("-1");
    assertThat(TableExport.CsvWriter.field(new BigDecimal("-2.5"))).isEqualTo("-2.5");
  }

  @Test
  void fileName_plainAndUtf8() {
    assertThat(TableExport.disposition("people", "csv"))
        .isEqualTo("attachment; filename=\"people.csv\"; filename*=UTF-8''people.csv");
    assertThat(TableExport.disposition("naïve \"t\"", "json"))
        .isEqualTo("attachment; filename=\"na_ve__t_.json\"; filename*=UTF-8''na%C3%AFve%20%22t%22.json");
  }
}
