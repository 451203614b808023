package org.unionstats.serving.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.unionstats.files.FileTrees;
import org.unionstats.process.ChildProcess;

/**
 * The Trino server, installed from Maven Central: the core tarball plus the Hive plugin, fetched by
 * the small Maven project {@value #SERVER_POM} (Maven keeps them in the local repository, ~/.m2,
 * which survives fresh clones), checked against the SHA-256 pins below, and unpacked into a
 * git-ignored cache folder.
 */
public final class TrinoDistribution {

    public static final String VERSION = "476";

    /** The Maven project that fetches {@link #ARTIFACTS}, relative to the checkout. */
    public static final String SERVER_POM = "trino/server/pom.xml";

    // The pins: the one place the published files' checksums are written down.
    public static final MavenArtifact SERVER = new MavenArtifact("io.trino", "trino-server-core", VERSION, "tar.gz", null,
            "0f388f9967c177ae70a47c099082fc95387f0c3cb96d8000d1d41fc3a5223158");
    public static final MavenArtifact HIVE_PLUGIN = new MavenArtifact("io.trino", "trino-hive", VERSION, "zip", null,
            "611bacdb07d9f3cf7b9d47f97ecc76fa2e7ff8bfe8a9728c3d06adc1bfb8662e");
    /** What {@value #SERVER_POM} fetches. */
    public static final List<MavenArtifact> ARTIFACTS = List.of(SERVER, HIVE_PLUGIN);

    /** A first download is ~450 MB. */
    private static final Duration FETCH_TIMEOUT = Duration.ofMinutes(30);
    private static final Duration UNTAR_TIMEOUT = Duration.ofMinutes(10);

    private final Path cacheDir;
    private final Path serverPom;
    private final Consumer<String> log;

    /**
     * @param cacheDir where the server is unpacked (git-ignored: the checkout's .cache/)
     * @param checkout the checkout, which holds {@value #SERVER_POM}
     */
    public TrinoDistribution(Path cacheDir, Path checkout, Consumer<String> log) {
        this.cacheDir = cacheDir.toAbsolutePath();
        this.serverPom = checkout.toAbsolutePath().resolve(SERVER_POM);
        this.log = log;
    }

    /** The installed server folder (bin/launcher, lib/, plugin/hive/), installing it first if needed. */
    public Path install() {
        Path home = cacheDir.resolve("trino-server-" + VERSION);
        if (Files.isRegularFile(home.resolve(".installed"))) {
            return home;
        }
        Path staging = null;
        try {
            Files.createDirectories(cacheDir);
            staging = Files.createTempDirectory(cacheDir, ".unpacking-");
            Path downloads = Files.createDirectory(staging.resolve("artifacts"));
            fetch(downloads);
            for (MavenArtifact artifact : ARTIFACTS) {
                verify(artifact, downloads.resolve(artifact.fileName()));
            }
            log.accept("unpacking Trino " + VERSION + " into " + home);
            untar(downloads.resolve(SERVER.fileName()), staging);
            Path unpacked = staging.resolve("trino-server-core-" + VERSION);
            unzip(downloads.resolve(HIVE_PLUGIN.fileName()), unpacked.resolve("plugin"));
            Files.move(unpacked.resolve("plugin/trino-hive-" + VERSION), unpacked.resolve("plugin/hive"));
            Files.writeString(unpacked.resolve(".installed"), SERVER.coordinates() + " " + SERVER.sha256() + "\n"
                    + HIVE_PLUGIN.coordinates() + " " + HIVE_PLUGIN.sha256() + "\n");
            try {
                Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                // Another process installed it first: theirs is as good as ours.
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(unpacked, home);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack Trino into " + cacheDir + ": " + e.getMessage(), e);
        } finally {
            if (staging != null) {
                FileTrees.deleteRecursively(staging);
            }
        }
        if (!Files.isRegularFile(home.resolve(".installed"))) {
            throw new IllegalStateException("Trino was not installed in " + home);
        }
        return home;
    }

    /** Copies {@link #ARTIFACTS} into the folder with Maven, which downloads them into the local repository the first time. */
    private void fetch(Path downloads) {
        log.accept("fetching Trino " + VERSION + " with Maven (" + serverPom + "; downloaded once, ~450 MB, then kept in the local Maven repository)");
        ChildProcess.Result result;
        try {
            result = ChildProcess.of(fetchCommand(downloads)).unsetEnvironment(org.unionstats.serving.security.Secrets.SECRET_VARIABLES.toArray(String[]::new))
                    .mergeErrors().timeout(FETCH_TIMEOUT).run();
        } catch (UncheckedIOException e) {
            throw new IllegalStateException("cannot run Maven (mvn) to fetch Trino " + VERSION + "; install Maven", e);
        }
        if (!result.succeeded()) {
            String why = result.timedOut() ? "it did not finish within " + FETCH_TIMEOUT.toMinutes() + " minutes"
                    : result.stdout().stream().filter(l -> l.contains("ERROR")).findFirst().orElse(result.tail(5).strip());
            throw new IllegalStateException("Maven could not fetch Trino " + VERSION + " (" + String.join(", ",
                    ARTIFACTS.stream().map(MavenArtifact::coordinates).toList()) + "): " + why);
        }
    }

    /** The Maven command that copies {@link #ARTIFACTS} into the folder. */
    List<String> fetchCommand(Path output) {
        return List.of("mvn", "-B", "-q", "-f", serverPom.toString(), "package", "-Doutput=" + output.toAbsolutePath());
    }

    /** Fails unless the file is the published artifact: its SHA-256 is the pinned one. */
    static void verify(MavenArtifact artifact, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Maven did not fetch " + artifact.coordinates() + " (no " + file + ")");
        }
        String sha256 = sha256(file);
        if (!sha256.equals(artifact.sha256())) {
            throw new IllegalStateException(file.getFileName() + " is not the published " + artifact.coordinates() + " (SHA-256 " + sha256
                    + ", expected " + artifact.sha256() + "); delete " + artifact.groupId().replace('.', '/') + "/" + artifact.artifactId()
                    + "/" + artifact.version() + " from the local Maven repository (~/.m2/repository) and try again");
        }
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** tar keeps the launcher's executable bits, which java.util.zip has no notion of. */
    private static void untar(Path archive, Path into) throws IOException {
        ChildProcess.Result result = ChildProcess.of("tar", "-xzf", archive.toString(), "-C", into.toString())
                .unsetEnvironment(org.unionstats.serving.security.Secrets.SECRET_VARIABLES.toArray(String[]::new))
                .mergeErrors().timeout(UNTAR_TIMEOUT).run();
        if (!result.succeeded()) {
            throw new IOException("tar failed on " + archive + ": " + (result.timedOut() ? "it did not finish in time" : result.tail(20).strip()));
        }
    }

    private static void unzip(Path archive, Path into) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("unsafe entry " + entry.getName() + " in " + archive);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
