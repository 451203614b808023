package org.unionstats.serving.security;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Trino's password file ({@code file.password-file}): one {@code user:iterations:salt:hash} line per
 * user, PBKDF2 (HMAC-SHA1, as Trino's file authenticator verifies it) from the JDK, no htpasswd needed.
 */
public final class PasswordFile {

    static final int ITERATIONS = 10_000;
    private static final int HASH_BITS = 512;

    private PasswordFile() {}

    public static void write(Path file, Map<String, String> passwords) {
        StringBuilder sb = new StringBuilder();
        passwords.forEach((user, password) -> sb.append(line(user, password, Secrets.bytes(16))).append('\n'));
        Secrets.writePrivate(file, sb.toString());
    }

    static String line(String user, String password, byte[] salt) {
        return user + ":" + ITERATIONS + ":" + HexFormat.of().formatHex(salt) + ":" + HexFormat.of().formatHex(hash(password, salt, ITERATIONS));
    }

    static byte[] hash(String password, byte[] salt, int iterations) {
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is not available in this JDK", e);
        }
    }
}
