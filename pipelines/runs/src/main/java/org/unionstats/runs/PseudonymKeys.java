package org.unionstats.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Where the pseudonym key comes from: {@code UNIONSTATS_PSEUDONYM_KEY} (base64) in production,
 * else a key file; the embedded default generates one under the local state folder on first use.
 * The key never goes into the warehouse; losing it means new pseudonyms for the same people.
 */
public final class PseudonymKeys {

    public static final String ENV = "UNIONSTATS_PSEUDONYM_KEY";

    private PseudonymKeys() {}

    /** @param keyFile the file named on the command line, or null for the local default */
    public static byte[] load(Path keyFile) {
        if (keyFile == null) {
            keyFile = home().resolve("pseudonym.key");
        }
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return Base64.getDecoder().decode(env.strip());
        }
        try {
            if (!Files.exists(keyFile)) {
                Files.createDirectories(keyFile.toAbsolutePath().getParent());
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.writeString(keyFile, Base64.getEncoder().encodeToString(key) + "\n");
                try {
                    Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // Not a POSIX file system: permissions are the platform's business.
                }
            }
            return Base64.getDecoder().decode(Files.readString(keyFile).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the pseudonym key " + keyFile, e);
        }
    }

    /** The local state folder: {@code -Dunionstats.home} (set by bin/unionstats), else ./.local. */
    public static Path home() {
        return Path.of(System.getProperty("unionstats.home", ".local"));
    }
}
