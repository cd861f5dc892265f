package dev.cairn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.StoreUrl.Host;
import dev.cairn.core.StoreUrl.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoreUrlTest {

  @Test
  void parse_sqliteForms() {
    assertThat(StoreUrl.parse("sqlite:data/app.db").path()).isEqualTo("data/app.db");
    assertThat(StoreUrl.parse("sqlite::memory:").isSqliteMemory()).isTrue();
    assertThat(StoreUrl.parse("sqlite:///rel.db").path()).isEqualTo("rel.db");
    assertThat(StoreUrl.parse("sqlite:////abs/app.db").path()).isEqualTo("/abs/app.db");
    assertThat(StoreUrl.parse("sqlite+aiosqlite:///x.db").path()).isEqualTo("x.db");
    assertThat(StoreUrl.parse("jdbc:sqlite:/tmp/a.db").path()).isEqualTo("/tmp/a.db");
  }

  @Test
  void parse_postgresWithCredentials() {
    StoreUrl url = StoreUrl.parse("postgresql+asyncpg://app:s%40cret@db.example:6543/shop?sslmode=require");
    assertThat(url.kind()).isEqualTo(Kind.POSTGRESQL);
    assertThat(url.user()).isEqualTo("app");
    assertThat(url.password()).isEqualTo("s@cret");
    assertThat(url.host()).isEqualTo(new Host("db.example", 6543));
    assertThat(url.path()).isEqualTo("shop");
    assertThat(url.tls()).isTrue();
  }

  @Test
  void parse_defaultPorts() {
    assertThat(StoreUrl.parse("postgres://localhost/test").host().port()).isEqualTo(5432);
    assertThat(StoreUrl.parse("mariadb://root@localhost/test").host().port()).isEqualTo(3306);
    assertThat(StoreUrl.parse("redis://localhost").host().port()).isEqualTo(6379);
  }

  @Test
  void parse_redisVariants() {
    StoreUrl tls = StoreUrl.parse("rediss://u:p@h:6380/2?ca=/x/ca.pem&cert=/x/c.pem&key=/x/k.pem");
    assertThat(tls.kind()).isEqualTo(Kind.REDIS);
    assertThat(tls.tls()).isTrue();
    assertThat(tls.path()).isEqualTo("2");
    assertThat(tls.param("ca", null)).isEqualTo("/x/ca.pem");

    StoreUrl sentinel = StoreUrl.parse("redis-sentinel://:pw@h1:26379,h2/0#mymaster");
    assertThat(sentinel.hosts()).containsExactly(new Host("h1", 26379), new Host("h2", 26379));
    assertThat(sentinel.param("master", null)).isEqualTo("mymaster");
    assertThat(sentinel.user()).isNull();

    StoreUrl cluster = StoreUrl.parse("redis-cluster://127.0.0.1:7000,[::1]:7001");
    assertThat(cluster.hosts()).isEqualTo(List.of(new Host("127.0.0.1", 7000), new Host("::1", 7001)));
  }

  @Test
  void toString_masksPasswordAndSecretParams() {
    StoreUrl url = StoreUrl.parse("postgresql://app:topsecret@h/db?password=other&ssl=true");
    assertThat(url.toString()).doesNotContain("topsecret").doesNotContain("other").contains("app:****@h:5432/db");
  }

  @Test
  void parse_badUrls_clearErrorsWithoutPassword() {
    assertThatThrownBy(() -> StoreUrl.parse("ftp://u:hunter2@h/x"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unsupported store URL scheme 'ftp'")
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> StoreUrl.parse("postgresql://u:hunter2@h:99999/x"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("outside 1..65535")
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> StoreUrl.parse("redis://h:abc")).hasMessageContaining("not a number");
    assertThatThrownBy(() -> StoreUrl.parse("redis://h/db1")).hasMessageContaining("not a number");
    assertThatThrownBy(() -> StoreUrl.parse("postgresql://")).hasMessageContaining("no host");
    assertThatThrownBy(() -> StoreUrl.parse("   ")).hasMessageContaining("empty");
    assertThatThrownBy(() -> StoreUrl.parse("nocolon")).hasMessageContaining("no scheme");
  }

  /** Schemes in every spelling a user may type, with a path that is valid for each. */
  private static final List<String> SCHEMES = List.of("postgresql", "postgres", "jdbc:postgresql", "pgsql", "mysql",
      "mariadb", "jdbc:mariadb", "jdbc:mysql", "redis", "rediss", "redis-sentinel", "redis-cluster", "oracle");

  @Test
  void parse_issueForms_noPartOfThePasswordInTheError() {
    assertRefusedWithout("postgresql://postgres:Tr0ub4dor#1@host/db", "Tr0ub4dor");
    assertRefusedWithout("postgres:Hunter2x@host/db", "Hunter2x");
    assertRefusedWithout("postgresql://postgres:p@ss/word@localhost/db", "@ss", "ss/", "ss:", "word@");
    assertRefusedWithout("redis://app:p@ss/word@localhost", "@ss", "ss/", "ss:", "word@");
  }

  /**
   * A password holding a URL delimiter, in every scheme and in the usual mistakes (no "//", no host, a bad port, no
   * user, an unknown scheme): the URL is either refused or parsed, and neither the error nor the redacted form shows
   * any part of the password.
   */
  @Test
  void parse_passwordWithDelimiters_noPartOfItShown() {
    List<String> checked = new ArrayList<>();
    for (String scheme : SCHEMES) {
      for (String delimiter : List.of("#", "?", "/", "@", "?x=1@", "#1@", "%", ":", "/x?y#", "&", "=")) {
        String password = "Zq7k" + delimiter + "Xw9m";
        List<String> forms = new ArrayList<>(List.of("%s://app:%s@localhost/0", "%s:app:%s@localhost/0",
            "%s://app:%s@/0", "%s://app:%s@localhost:99x/0", "%s://:%s@localhost/0",
            "%s://app:%s@localhost/0?ssl=true", "%s://app:%s@localhost:6379,other:1/0"));
        // A password alone before the '@' (redis://PASSWORD@host); for SQL a text without ':' is a user name.
        if (!delimiter.equals(":") && (scheme.startsWith("redis") || delimiter.matches(".*[#?/%].*"))) {
          forms.add("%s://%s@localhost/0");
        }
        for (String form : forms) {
          String url = String.format(form, scheme, password);
          String shown;
          try {
            shown = StoreUrl.parse(url).toString();
          } catch (InvalidInputException e) {
            shown = e.getMessage();
          }
          assertThat(shown).as(url).doesNotContain("Zq7k").doesNotContain("Xw9m");
          checked.add(url);
        }
      }
    }
    assertThat(checked).hasSizeGreaterThan(1000);
  }

  @Test
  void parse_atAfterTheHost_refusedWithAHint() {
    assertThatThrownBy(() -> StoreUrl.parse("postgresql://app:Tr0ub4dor#1@db/app"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("percent-encode")
        .hasMessageNotContaining("Tr0ub4dor");
    assertThat(StoreUrl.parse("postgresql://app:Tr0ub4dor%231@db/app").password()).isEqualTo("Tr0ub4dor#1");
    assertThat(StoreUrl.parse("postgresql://app:p%40ss%2Fword@db/app").password()).isEqualTo("p@ss/word");
    assertThat(StoreUrl.parse("postgresql://app:p@ss@db/app").password()).isEqualTo("p@ss");
  }

  @Test
  void parse_atInUserParameter_stillAccepted() {
    StoreUrl url = StoreUrl.parse("postgresql://db.example/app?user=me@corp.example&sslmode=require");
    assertThat(url.user()).isEqualTo("me@corp.example");
    assertThat(url.host().name()).isEqualTo("db.example");
    assertThatThrownBy(() -> StoreUrl.parse("redis://Zq7k?x=1@Xw9m@127.0.0.1:6379"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageNotContaining("Zq7k").hasMessageNotContaining("Xw9m");
  }

  @Test
  void redacted_redisPasswordWithoutColon_masked() {
    // Lettuce, Jedis and redis-cli users write redis://PASSWORD@host; the text may be a password, so it is hidden.
    assertThat(StoreUrl.parse("redis://Hunter2x@cache:6379/0").toString())
        .doesNotContain("Hunter2x").isEqualTo("redis://****@cache:6379/0");
  }

  private static void assertRefusedWithout(String url, String... fragments) {
    assertThatThrownBy(() -> StoreUrl.parse(url))
        .as(url)
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> {
          for (String fragment : fragments) {
            assertThat(e.getMessage()).as(url).doesNotContain(fragment);
          }
        });
  }
}
