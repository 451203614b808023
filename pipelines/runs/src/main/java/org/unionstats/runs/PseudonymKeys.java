package org.unionstats.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.unionstats.environment.Environment;
import org.unionstats.errors.ExitCode;
import org.unionstats.errors.UnionStatsException;

/**
 * Where the pseudonym key comes from: {@code UNIONSTATS_PSEUDONYM_KEY} (base64) in production,
 * else a key file. The key never goes into the warehouse; a new key gives everyone new pseudonyms,
 * so a key is generated only for the embedded default: the state folder of the checkout itself
 * ({@code .local/pseudonym.key}, i.e. no {@code UNIONSTATS_HOME} pointing elsewhere) when no key
 * file is named. A key file named with {@code --pseudonym-key-file}, or the one of a state folder
 * {@code UNIONSTATS_HOME} points at, must exist: a missing one is an error (exit 1) saying how to
 * provide it, never a new key.
 */
public final class PseudonymKeys {

    public static final String ENV = "UNIONSTATS_PSEUDONYM_KEY";
    /** The variable bin/unionstats reads the state folder from (passed on as -Dunionstats.home). */
    public static final String HOME_VARIABLE = "UNIONSTATS_HOME";
    /** What the pseudonymizer needs (HMAC-SHA256 keys shorter than this are weak). */
    public static final int MIN_BYTES = 16;

    /** The embedded default's key file, in the local state folder. */
    private static final String DEFAULT_FILE = "pseudonym.key";

    private PseudonymKeys() {}

    /** @param keyFile the file named on the command line, or null for the state folder's */
    public static byte[] load(Environment environment, Path keyFile) {
        var fromEnvironment = environment.variable(ENV);
        if (fromEnvironment.isPresent()) {
            return decode(fromEnvironment.get(), ENV);
        }
        boolean named = keyFile != null;
        Path file = named ? keyFile : environment.home().resolve(DEFAULT_FILE);
        try {
            if (!Files.exists(file)) {
                if (named || !isEmbeddedDefault(environment)) {
                    throw new UnionStatsException(ExitCode.FAILURE, missing(file, named));
                }
                create(file);
            }
            if (!Files.isRegularFile(file)) {
                throw new UnionStatsException(ExitCode.FAILURE, "the pseudonym key " + file + " is not a file");
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the pseudonym key " + file, e);
        }
    }

    /**
     * The embedded default: the state folder is the checkout's own {@code .local/} (bin/unionstats
     * without {@code UNIONSTATS_HOME}, or with it naming that folder). A process started with
     * {@code -Dunionstats.home} by a test or a benchmark, without the variable, counts as embedded.
     */
    static boolean isEmbeddedDefault(Environment environment) {
        return environment.variable(HOME_VARIABLE).isEmpty() || environment.home().equals(environment.root().resolve(".local"));
    }

    private static String missing(Path file, boolean named) {
        return "no pseudonym key: " + file + " does not exist" + (named ? " (--pseudonym-key-file)" : " (the state folder "
                + HOME_VARIABLE + " names)") + ". A new key would give everyone new pseudonyms, so only the embedded default"
                + " (.local/pseudonym.key of the checkout) makes one. Provide the key: set " + ENV + " (base64, at least " + MIN_BYTES
                + " bytes), or put it in that file (base64; a first key: umask 077; head -c 32 /dev/urandom | base64 > " + file + ")";
    }

    /**
     * A random 32-byte key, in a file that is owner-only from its creation: written to an
     * owner-only temporary file, then linked into place only if no other process made one meanwhile
     * (a reader never sees an empty or half-written key).
     */
    private static void create(Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path tmp;
        try {
            tmp = Files.createTempFile(folder, ".pseudonym.", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: permissions are the platform's business.
            tmp = Files.createTempFile(folder, ".pseudonym.", ".tmp");
        }
        try {
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.US_ASCII)) {
                out.write(Base64.getEncoder().encodeToString(key) + "\n");
            }
            try {
                Files.createLink(file, tmp);
            } catch (FileAlreadyExistsException raced) {
                // Another process made it first: use theirs.
            } catch (UnsupportedOperationException noHardLinks) {
                Files.move(tmp, file);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A key that is not base64, or too short, is the caller's to fix, like a bad option (exit 2). */
    private static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw UnionStatsException.badArguments("the pseudonym key in " + source + " is not base64: " + e.getMessage());
        }
        if (key.length < MIN_BYTES) {
            throw UnionStatsException.badArguments("the pseudonym key in " + source + " has " + key.length + " bytes; it needs at least "
                    + MIN_BYTES);
        }
        return key;
    }
}
