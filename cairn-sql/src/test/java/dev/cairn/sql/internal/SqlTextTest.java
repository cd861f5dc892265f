package dev.cairn.sql.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.sql.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Splitting scripts and naming parameters without looking inside literals, comments and routine bodies. */
class SqlTextTest {

  @Test
  void named_skipsLiteralsCommentsCastsAndDollarQuotes() {
    SqlText.Named named = SqlText.named("SELECT :a, ':b', \":c\", x::text, $$ :d $$, $tag$ :e $tag$ -- :f\n"
        + "/* :g */ FROM t WHERE y = :a AND z = :h_2", Dialect.POSTGRESQL);

    assertThat(named.names()).containsExactly("a", "a", "h_2");
    assertThat(named.sql()).isEqualTo("SELECT ?, ':b', \":c\", x::text, $$ :d $$, $tag$ :e $tag$ -- :f\n"
        + "/* :g */ FROM t WHERE y = ? AND z = ?");
  }

  @Test
  void named_mysqlBackslashEscapesAndAssignments() {
    SqlText.Named named = SqlText.named("SELECT 'it\\'s :not', @v := :yes, `:col` FROM t", Dialect.MARIADB);

    assertThat(named.names()).containsExactly("yes");
  }

  @Test
  void statements_sqliteTriggerBodyWithCase_isOneStatement() {
    List<String> statements = SqlText.statements("""
        CREATE TABLE a (x TEXT); -- trailing; comment
        CREATE TRIGGER t AFTER INSERT ON a BEGIN
          UPDATE a SET x = CASE WHEN x IS NULL THEN ';' ELSE x END;
          SELECT 1;
        END;
        INSERT INTO a VALUES ('1;2');
        """, Dialect.SQLITE);

    assertThat(statements).hasSize(3);
    assertThat(statements.get(1)).contains("CREATE TRIGGER").endsWith("END"); // a comment stays with what follows it
    assertThat(statements.get(2)).isEqualTo("INSERT INTO a VALUES ('1;2')");
  }

  @Test
  void statements_mariadbRoutineWithEndIf_andPostgresDollarBody() {
    assertThat(SqlText.statements("CREATE PROCEDURE p() BEGIN IF 1 THEN SELECT 1; END IF; SELECT 2; END; SELECT 3",
        Dialect.MARIADB)).hasSize(2);
    assertThat(SqlText.statements("CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql;"
        + " SELECT f();", Dialect.POSTGRESQL)).hasSize(2);
    assertThat(SqlText.statements("BEGIN; INSERT INTO a VALUES (1); COMMIT;", Dialect.SQLITE)).hasSize(3);
  }
}
