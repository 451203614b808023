package org.unionstats.serving.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The server's self-signed certificate, made at set-up with the JDK's keytool: a PKCS#12 keystore
 * for Trino and the certificate alone (PEM) for clients to trust (JDBC {@code SSLTrustStorePath},
 * the CLI's {@code --truststore-path}). Valid for 127.0.0.1 and localhost.
 */
public record TlsCertificate(Path keystore, Path certificate) {

    private static final String ALIAS = "unionstats-trino";

    public static TlsCertificate in(Path folder) {
        return new TlsCertificate(folder.resolve("keystore.p12"), folder.resolve("trino-cert.pem"));
    }

    public boolean exists() {
        return Files.isRegularFile(keystore) && Files.isRegularFile(certificate);
    }

    /** Generates the keystore and the PEM certificate unless both are there. */
    public void ensure(Path javaHome, String keystorePassword) {
        if (exists()) {
            return;
        }
        try {
            Files.createDirectories(keystore.toAbsolutePath().getParent());
            Files.deleteIfExists(keystore);
            Path keytool = javaHome.resolve("bin/keytool");
            run(List.of(keytool.toString(), "-genkeypair", "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                    "-dname", "CN=localhost, O=unionstats", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-keystore", keystore.toString(),
                    "-storetype", "PKCS12", "-storepass", keystorePassword, "-keypass", keystorePassword));
            run(List.of(keytool.toString(), "-exportcert", "-rfc", "-alias", ALIAS, "-keystore", keystore.toString(),
                    "-storepass", keystorePassword, "-file", certificate.toString()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the TLS certificate in " + keystore.getParent() + ": " + e.getMessage(), e);
        }
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (process.waitFor() != 0) {
                throw new IOException("keytool failed: " + out.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
