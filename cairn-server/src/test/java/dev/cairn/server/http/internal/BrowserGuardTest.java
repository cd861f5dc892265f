package dev.cairn.server.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.server.http.AdminConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class BrowserGuardTest {
  private static final AdminConfig LOOPBACK = AdminConfig.defaults();

  @Test
  void allowsHost_loopbackBind_loopbackNamesOnly() {
    BrowserGuard guard = new BrowserGuard(LOOPBACK);
    assertThat(List.of("localhost", "localhost:8080", "127.0.0.1:1", "[::1]:8080", "[::1]", "LocalHost"))
        .allMatch(guard::allowsHost);
    assertThat(List.of("evil.example", "10.1.2.3:8080", "localhost.evil.example", "127.0.0.1.nip.io", "[::1",
        "localhost:80x", ":8080", "")).noneMatch(guard::allowsHost);
  }

  @Test
  void allowsHost_nonLoopbackBind_itsAddressToo() {
    BrowserGuard guard = new BrowserGuard(LOOPBACK.withAdminToken("t".repeat(16)).withBind("10.1.2.3", 8080));
    assertThat(List.of("10.1.2.3:8080", "10.1.2.3", "localhost:8080")).allMatch(guard::allowsHost);
    assertThat(List.of("10.1.2.4:8080", "evil.example:8080")).noneMatch(guard::allowsHost);
  }

  @Test
  void allowsHost_wildcardBind_addressLiteralsButNoOtherNames() {
    BrowserGuard guard = new BrowserGuard(LOOPBACK.withAdminToken("t".repeat(16)).withBind("0.0.0.0", 8080)
        .withAllowedHosts(List.of("cairn.internal")));
    assertThat(List.of("192.168.1.5:8080", "[fe80::1]:8080", "cairn.internal", "localhost"))
        .allMatch(guard::allowsHost);
    assertThat(List.of("evil.example", "1.2.3.4.nip.io:8080", "1.2.3", "0x7f000001")).noneMatch(guard::allowsHost);
  }

  @Test
  void allowsHost_star_anyName() {
    BrowserGuard guard = new BrowserGuard(LOOPBACK.withAllowedHosts(List.of("*")));
    assertThat(guard.allowsHost("anything.example:1")).isTrue();
  }

  @Test
  void isCrossOrigin_originComparedWithHost() {
    assertThat(BrowserGuard.isCrossOrigin("http://localhost:8080", null, "localhost:8080")).isFalse();
    assertThat(BrowserGuard.isCrossOrigin("http://LOCALHOST:8080", "same-origin", "localhost:8080")).isFalse();
    assertThat(BrowserGuard.isCrossOrigin("https://cairn.example", null, "cairn.example:443")).isFalse();
    assertThat(BrowserGuard.isCrossOrigin("http://cairn.example:80", null, "cairn.example")).isFalse();
    assertThat(BrowserGuard.isCrossOrigin("http://localhost:3000", null, "localhost:8080")).isTrue();
    assertThat(BrowserGuard.isCrossOrigin("null", null, "localhost:8080")).isTrue();
    assertThat(BrowserGuard.isCrossOrigin("http://evil.example", null, "localhost:8080")).isTrue();
    assertThat(BrowserGuard.isCrossOrigin("http://localhost:8080", null, null)).isTrue();
    assertThat(BrowserGuard.isCrossOrigin("::not a uri", null, "localhost:8080")).isTrue();
  }

  @Test
  void isCrossOrigin_noOrigin_fetchSiteDecides() {
    assertThat(BrowserGuard.isCrossOrigin(null, null, "localhost:8080")).isFalse();
    assertThat(BrowserGuard.isCrossOrigin(null, "none", "localhost:8080")).isFalse();
    assertThat(BrowserGuard.isCrossOrigin(null, "same-origin", "localhost:8080")).isFalse();
    assertThat(BrowserGuard.isCrossOrigin(null, "cross-site", "localhost:8080")).isTrue();
    assertThat(BrowserGuard.isCrossOrigin(null, "same-site", "localhost:8080")).isTrue();
  }
}
