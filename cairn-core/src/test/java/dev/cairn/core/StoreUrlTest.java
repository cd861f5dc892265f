package dev.cairn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.StoreUrl.Host;
import dev.cairn.core.StoreUrl.Kind;
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
}
