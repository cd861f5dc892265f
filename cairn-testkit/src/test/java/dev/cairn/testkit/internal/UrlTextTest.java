package dev.cairn.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.StoreUrl;
import org.junit.jupiter.api.Test;

class UrlTextTest {

  @Test
  void unmasked_passwordWithSpecialCharacters_parsesBackToSameUrl() {
    StoreUrl url = StoreUrl.parse("postgresql://app%40corp:p%40ss%20w+rd%2F@db.local:6543/cairn_t_x?sslmode=disable");

    String text = UrlText.unmasked(url);

    assertThat(StoreUrl.parse(text)).isEqualTo(url);
    assertThat(StoreUrl.parse(text).password()).isEqualTo("p@ss w+rd/");
  }

  @Test
  void unmasked_mariadbWithoutPassword_keepsUserAndDatabase() {
    StoreUrl url = StoreUrl.parse("mariadb://root@127.0.0.1:3306/cairn_t_y");

    assertThat(UrlText.unmasked(url)).isEqualTo("mariadb://root@127.0.0.1:3306/cairn_t_y");
  }
}
