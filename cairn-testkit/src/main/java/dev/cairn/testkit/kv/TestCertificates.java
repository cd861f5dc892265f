package dev.cairn.testkit.kv;

import dev.cairn.testkit.internal.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A throw-away PKI made with the installed {@code openssl}: a CA, a server certificate for IP 127.0.0.1 only (so
 * connecting by the name {@code localhost} fails host verification), a client certificate for mutual TLS, and a
 * second, unrelated CA. Keys are unencrypted PKCS#8 PEM, as Netty reads them.
 *
 * @param directory where the files are
 */
public record TestCertificates(Path directory) {
  private static final long OPENSSL_TIMEOUT_SECONDS = 60;

  /** Generates everything into {@code directory}, which is created if needed. */
  public static TestCertificates generate(Path directory) throws IOException, InterruptedException {
    Files.createDirectories(directory);
    TestCertificates certificates = new TestCertificates(directory);
    certificates.selfSignedCa("ca", "Cairn Test CA");
    certificates.selfSignedCa("other-ca", "Unrelated Test CA");
    certificates.signed("server", "cairn-test-server", "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
    certificates.signed("client", "cairn-test-client", "extendedKeyUsage=clientAuth\n");
    return certificates;
  }

  public Path ca() {
    return directory.resolve("ca.crt");
  }

  public Path otherCa() {
    return directory.resolve("other-ca.crt");
  }

  public Path serverCert() {
    return directory.resolve("server.crt");
  }

  public Path serverKey() {
    return directory.resolve("server.key");
  }

  public Path clientCert() {
    return directory.resolve("client.crt");
  }

  public Path clientKey() {
    return directory.resolve("client.key");
  }

  private void selfSignedCa(String name, String commonName) throws IOException, InterruptedException {
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=" + commonName,
        "-keyout", file(name + ".key"), "-out", file(name + ".crt"));
  }

  private void signed(String name, String commonName, String extensions) throws IOException, InterruptedException {
    Path extensionFile = directory.resolve(name + ".ext");
    Files.writeString(extensionFile, extensions);
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=" + commonName,
        "-keyout", file(name + ".key"), "-out", file(name + ".csr"));
    openssl("x509", "-req", "-in", file(name + ".csr"), "-CA", file("ca.crt"), "-CAkey", file("ca.key"),
        "-CAcreateserial", "-days", "2", "-extfile", extensionFile.toString(), "-out", file(name + ".crt"));
  }

  private String file(String name) {
    return directory.resolve(name).toString();
  }

  private void openssl(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(arguments));
    Processes.run(command, directory.resolve("openssl.log"), OPENSSL_TIMEOUT_SECONDS);
  }
}
