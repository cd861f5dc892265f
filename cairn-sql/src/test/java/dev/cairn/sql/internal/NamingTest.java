package dev.cairn.sql.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamingTest {
  record User() {}

  record OrderLine() {}

  record Category() {}

  record Box() {}

  record HTTPStatus() {}

  @Test
  void snakeCase_camelAndAcronyms() {
    assertThat(Naming.snakeCase("createdAt")).isEqualTo("created_at");
    assertThat(Naming.snakeCase("id")).isEqualTo("id");
    assertThat(Naming.snakeCase("HTTPCode")).isEqualTo("http_code");
    assertThat(Naming.snakeCase("userID")).isEqualTo("user_id");
  }

  @Test
  void tableName_simplePlural() {
    assertThat(Naming.tableName(User.class)).isEqualTo("users");
    assertThat(Naming.tableName(OrderLine.class)).isEqualTo("order_lines");
    assertThat(Naming.tableName(Category.class)).isEqualTo("categories");
    assertThat(Naming.tableName(Box.class)).isEqualTo("boxes");
    assertThat(Naming.tableName(HTTPStatus.class)).isEqualTo("http_statuses");
  }
}
