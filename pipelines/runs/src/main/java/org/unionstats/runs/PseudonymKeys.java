package org.unionstats.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.unionstats.environment.Environment;
import org.unionstats.errors.UnionStatsException;

/**
 * Where the pseudonym key comes from: {@code UNIONSTATS_PSEUDONYM_KEY} (base64) in production,
 * else a key file; the embedded default generates one under the local state folder on first use.
 * The key never goes into the warehouse; losing it means new pseudonyms for the same people.
 */
public final class PseudonymKeys {

    public static final String ENV = "UNIONSTATS_PSEUDONYM_KEY";

    /** The embedded default's key file, in the local state folder. */
    private static final String DEFAULT_FILE = "pseudonym.key";

    private PseudonymKeys() {}

    /** @param keyFile the file named on the command line, or null for the local default */
    public static byte[] load(Environment environment, Path keyFile) {
        if (keyFile == null) {
            keyFile = environment.home().resolve(DEFAULT_FILE);
        }
        var fromEnvironment = environment.variable(ENV);
        if (fromEnvironment.isPresent()) {
            return decode(fromEnvironment.get(), ENV);
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
            return decode(Files.readString(keyFile), keyFile.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the pseudonym key " + keyFile, e);
        }
    }

    /** A key that is not base64 is the caller's to fix, like a bad option (exit 2). */
    private static byte[] decode(String base64, String source) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw UnionStatsException.badArguments("the pseudonym key in " + source + " is not base64: " + e.getMessage());
        }
    }
}
