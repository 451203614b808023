package org.unionstats.serving.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.unionstats.process.ChildProcess;

/**
 * The server's self-signed certificate, made at set-up with the JDK's keytool: a PKCS#12 keystore
 * for Trino and the certificate alone (PEM) for clients to trust (JDBC {@code SSLTrustStorePath},
 * the CLI's {@code --truststore-path}). Valid for 127.0.0.1 and localhost.
 */
public record TlsCertificate(Path keystore, Path certificate) {

    private static final String ALIAS = "unionstats-trino";
    private static final Duration KEYTOOL_TIMEOUT = Duration.ofMinutes(2);

    public static TlsCertificate in(Path folder) {
        return new TlsCertificate(folder.resolve("keystore.p12"), folder.resolve("trino-cert.pem"));
    }

    public boolean exists() {
        return Files.isRegularFile(keystore) && Files.isRegularFile(certificate);
    }

    /**
     * Generates the keystore and the PEM certificate unless both are there. keytool reads the
     * keystore password from an owner-only file ({@code -storepass:file}), never from its
     * arguments, which every local user can list.
     */
    public void ensure(Path javaHome, String keystorePassword) {
        if (exists()) {
            return;
        }
        Path folder = keystore.toAbsolutePath().getParent();
        Path passwordFile = folder.resolve(".keystore-password");
        try {
            Files.createDirectories(folder);
            Files.deleteIfExists(keystore);
            Secrets.writePrivate(passwordFile, keystorePassword);
            String keytool = javaHome.resolve("bin/keytool").toString();
            keytool(List.of(keytool, "-genkeypair", "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                    "-dname", "CN=localhost, O=unionstats", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-keystore", keystore.toString(),
                    "-storetype", "PKCS12"), passwordFile, true);
            keytool(List.of(keytool, "-exportcert", "-rfc", "-alias", ALIAS, "-keystore", keystore.toString(),
                    "-file", certificate.toString()), passwordFile, false);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the TLS certificate in " + folder + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(passwordFile);
            } catch (IOException e) {
                // Owner-only, beside the owner-only keystore and secrets file: harmless if it stays.
            }
        }
    }

    private static void keytool(List<String> arguments, Path passwordFile, boolean keyPassword) throws IOException {
        List<String> command = new ArrayList<>(arguments);
        command.addAll(List.of("-storepass:file", passwordFile.toString()));
        if (keyPassword) {
            command.addAll(List.of("-keypass:file", passwordFile.toString()));
        }
        ChildProcess.Result result = ChildProcess.of(command).unsetEnvironment(Secrets.SECRET_VARIABLES.toArray(String[]::new))
                .mergeErrors().timeout(KEYTOOL_TIMEOUT).run();
        if (!result.succeeded()) {
            throw new IOException("keytool failed: " + (result.timedOut() ? "it did not finish in time" : result.tail(20).strip()));
        }
    }
}
