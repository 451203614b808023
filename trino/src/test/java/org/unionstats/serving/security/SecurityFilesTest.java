package org.unionstats.serving.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityFilesTest {

    @TempDir
    Path dir;

    @Test
    void passwordLinesAreTrinosPbkdf2Format() {
        byte[] salt = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
        String[] parts = PasswordFile.line("analyst", "secret", salt).split(":");
        assertThat(parts).hasSize(4);
        assertThat(parts[0]).isEqualTo("analyst");
        assertThat(Integer.parseInt(parts[1])).isGreaterThanOrEqualTo(1000);
        assertThat(parts[2]).isEqualTo("00112233445566778899aabbccddeeff");
        assertThat(HexFormat.of().parseHex(parts[3])).isEqualTo(PasswordFile.hash("secret", salt, PasswordFile.ITERATIONS));
        assertThat(PasswordFile.hash("other", salt, PasswordFile.ITERATIONS)).isNotEqualTo(HexFormat.of().parseHex(parts[3]));
    }

    @Test
    void credentialsAreGeneratedOnceKeptAndPrivate() throws Exception {
        LocalCredentials file = LocalCredentials.inStateFolder(dir);
        assertThatThrownBy(file::trino).hasMessageContaining("trino start");
        TrinoCredentials first = file.setUpTrino("https://127.0.0.1:8443", dir.resolve("cert.pem"), "unionstats");
        assertThat(first.passwords()).containsOnlyKeys("admin", "pipeline", "analyst");
        assertThat(first.passwords().values()).allSatisfy(p -> assertThat(p).hasSize(24).matches("[A-Za-z0-9]+"));
        TrinoCredentials again = file.setUpTrino("https://127.0.0.1:9443", dir.resolve("cert.pem"), "unionstats");
        assertThat(again.passwords()).isEqualTo(first.passwords());
        assertThat(file.trino().url()).isEqualTo("https://127.0.0.1:9443");
        assertThat(file.trino().jdbcUrl()).isEqualTo("jdbc:trino://127.0.0.1:9443/unionstats?SSL=true&SSLTrustStorePath=" + dir.resolve("cert.pem"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.file()))).isEqualTo("rw-------");
        PasswordFile.write(dir.resolve("password.db"), first.passwords());
        assertThat(Files.readAllLines(dir.resolve("password.db"))).hasSize(3).allSatisfy(l -> assertThat(l).doesNotContain(first.password("admin")));
    }

    @Test
    void otherServicesInTheCredentialsFileAreKept() throws Exception {
        Files.writeString(dir.resolve("credentials.json"), "{\"services\": {\"superset\": {\"url\": \"http://127.0.0.1:8088\"}}}");
        LocalCredentials file = LocalCredentials.inStateFolder(dir);
        file.setUpTrino("https://127.0.0.1:8443", dir.resolve("cert.pem"), "unionstats");
        assertThat(file.document().path("services").path("superset").path("url").asText()).isEqualTo("http://127.0.0.1:8088");
        assertThat(file.trino().password("analyst")).isNotBlank();
        assertThatThrownBy(() -> file.trino().password("nobody")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void secretsAreOwnerOnlyFromTheMomentTheirFileExists() throws Exception {
        Path tmp = Secrets.createPrivateTempFile(dir, ".secret.");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp))).as("created owner-only, not chmod-ed later")
                .isEqualTo("rw-------");
        Secrets.writePrivate(dir.resolve("nested/secret.txt"), "s3cret");
        assertThat(Files.readString(dir.resolve("nested/secret.txt"))).isEqualTo("s3cret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("nested/secret.txt")))).isEqualTo("rw-------");
        try (var files = Files.list(dir.resolve("nested"))) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left").containsExactly("secret.txt");
        }
        Secrets.privateFolder(dir.resolve("state/trino"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("state/trino")))).isEqualTo("rwx------");
    }

    @Test
    void theCertificateIsMadeWithKeytoolWithoutThePasswordInItsArguments() throws Exception {
        TlsCertificate tls = TlsCertificate.in(dir.resolve("tls"));
        tls.ensure(Path.of(System.getProperty("java.home")), "keystore-secret");
        assertThat(tls.exists()).isTrue();
        KeyStore keystore = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(tls.keystore())) {
            keystore.load(in, "keystore-secret".toCharArray());
        }
        assertThat(keystore.isKeyEntry("unionstats-trino")).isTrue();
        assertThat(keystore.getKey("unionstats-trino", "keystore-secret".toCharArray())).isNotNull();
        X509Certificate certificate;
        try (var in = Files.newInputStream(tls.certificate())) {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        assertThat(certificate.getSubjectX500Principal().getName()).contains("CN=localhost");
        assertThat(certificate.getSubjectAlternativeNames()).extracting(n -> n.get(1).toString()).contains("127.0.0.1", "localhost");
        try (var files = Files.list(dir.resolve("tls"))) {
            assertThat(files.map(p -> p.getFileName().toString())).as("the password file is gone").containsExactlyInAnyOrder(
                    "keystore.p12", "trino-cert.pem");
        }
        byte[] before = Files.readAllBytes(tls.keystore());
        tls.ensure(Path.of(System.getProperty("java.home")), "another");
        assertThat(Files.readAllBytes(tls.keystore())).as("made once").isEqualTo(before);
    }

}
