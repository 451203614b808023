package org.unionstats.serving.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

/** Random secrets and owner-only files for them. */
public final class Secrets {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    /** A password of letters and digits only, so it needs no quoting in a URL, a shell or a properties file. */
    public static String password(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    public static byte[] bytes(int length) {
        byte[] b = new byte[length];
        RANDOM.nextBytes(b);
        return b;
    }

    /** The pseudonym key (base64) in production: only the ingest needs it, in this process. */
    public static final String PSEUDONYM_KEY_VARIABLE = "UNIONSTATS_PSEUDONYM_KEY";
    /** Superset's own secrets in production (signing key, metadata database URI with its password): Superset's processes only. */
    public static final java.util.List<String> SUPERSET_VARIABLES = java.util.List.of("SUPERSET_SECRET_KEY", "SUPERSET_DATABASE_URI");
    /** Every variable that holds a secret: child processes that do not need one do not inherit it (Trino, keytool, mvn, tar, pip). */
    public static final java.util.List<String> SECRET_VARIABLES = java.util.List.of(PSEUDONYM_KEY_VARIABLE, "SUPERSET_SECRET_KEY",
            "SUPERSET_DATABASE_URI");

    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");

    /**
     * Writes the file readable by its owner only: the content goes to a temporary file created
     * owner-only from the start (never readable by others, not even for a moment), which is then
     * renamed into place, so readers never see half of it.
     */
    public static void writePrivate(Path file, String content) {
        Path folder = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(folder);
            tmp = createPrivateTempFile(folder, "." + file.getFileName() + ".");
            Files.writeString(tmp, content);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // Owner-only and empty or renamed: nothing leaks.
                }
            }
        }
    }

    /** An empty temporary file in the folder, owner-only from its creation (a random name, created exclusively). */
    public static Path createPrivateTempFile(Path folder, String prefix) throws IOException {
        try {
            return Files.createTempFile(folder, prefix, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_FILE));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: permissions are the platform's business.
            return Files.createTempFile(folder, prefix, ".tmp");
        }
    }

    /** Creates the folder (and missing parents) owner-only, and makes an existing one owner-only. */
    public static void privateFolder(Path folder) {
        try {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder.toAbsolutePath().getParent());
                try {
                    FileAttribute<Set<PosixFilePermission>> owner = PosixFilePermissions.asFileAttribute(OWNER_FOLDER);
                    Files.createDirectory(folder, owner);
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // Made meanwhile: the permissions are set below.
                } catch (UnsupportedOperationException e) {
                    Files.createDirectories(folder);
                }
            }
            try {
                Files.setPosixFilePermissions(folder, OWNER_FOLDER);
            } catch (UnsupportedOperationException ignored) {
                // Not a POSIX file system.
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder + ": " + e.getMessage(), e);
        }
    }
}
