package org.unionstats.serving.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The Trino server, installed from Maven Central: the core tarball plus the Hive plugin, fetched
 * through Maven into the local repository (~/.m2, which survives fresh clones), checked against
 * pinned SHA-256 sums and Central's SHA-1 files, and unpacked into a git-ignored cache folder.
 */
public final class TrinoDistribution {

    public static final String VERSION = "476";

    public static final MavenArtifact SERVER = new MavenArtifact("io.trino", "trino-server-core", VERSION, "tar.gz", null,
            "0f388f9967c177ae70a47c099082fc95387f0c3cb96d8000d1d41fc3a5223158");
    public static final MavenArtifact HIVE_PLUGIN = new MavenArtifact("io.trino", "trino-hive", VERSION, "zip", null,
            "611bacdb07d9f3cf7b9d47f97ecc76fa2e7ff8bfe8a9728c3d06adc1bfb8662e");
    public static final MavenArtifact CLI = new MavenArtifact("io.trino", "trino-cli", VERSION, "jar", "executable",
            "fe4e9c7fb569cd67673afa1622945f6308e1e59bdb825419352b80887661757b");

    private final Path cacheDir;
    private final Path localRepository;
    private final Consumer<String> log;

    /**
     * @param cacheDir where the server is unpacked (git-ignored: the checkout's .cache/)
     * @param localRepository the local Maven repository
     */
    public TrinoDistribution(Path cacheDir, Path localRepository, Consumer<String> log) {
        this.cacheDir = cacheDir.toAbsolutePath();
        this.localRepository = localRepository;
        this.log = log;
    }

    public static Path defaultLocalRepository() {
        String configured = System.getProperty("maven.repo.local");
        return configured != null && !configured.isBlank() ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    /** The installed server folder (bin/launcher, lib/, plugin/hive/), installing it first if needed. */
    public Path install() {
        Path home = cacheDir.resolve("trino-server-" + VERSION);
        if (Files.isRegularFile(home.resolve(".installed"))) {
            return home;
        }
        Path server = artifact(SERVER);
        Path hive = artifact(HIVE_PLUGIN);
        try {
            Files.createDirectories(cacheDir);
            Path staging = Files.createTempDirectory(cacheDir, ".unpacking-");
            try {
                log.accept("unpacking Trino " + VERSION + " into " + home);
                untar(server, staging);
                Path unpacked = staging.resolve("trino-server-core-" + VERSION);
                unzip(hive, unpacked.resolve("plugin"));
                Files.move(unpacked.resolve("plugin/trino-hive-" + VERSION), unpacked.resolve("plugin/hive"));
                Files.writeString(unpacked.resolve(".installed"), SERVER.coordinates() + " " + SERVER.sha256() + "\n"
                        + HIVE_PLUGIN.coordinates() + " " + HIVE_PLUGIN.sha256() + "\n");
                try {
                    Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                    // Another process installed it first: theirs is as good as ours.
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(unpacked, home);
                }
            } finally {
                deleteTree(staging);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack Trino into " + cacheDir + ": " + e.getMessage(), e);
        }
        if (!Files.isRegularFile(home.resolve(".installed"))) {
            throw new IllegalStateException("Trino was not installed in " + home);
        }
        return home;
    }

    /** The artifact in the local Maven repository, fetched with Maven if absent, its checksums verified. */
    public Path artifact(MavenArtifact artifact) {
        Path file = artifact.in(localRepository);
        if (!Files.isRegularFile(file)) {
            fetch(artifact);
        }
        verify(artifact, file);
        return file;
    }

    private void fetch(MavenArtifact artifact) {
        log.accept("downloading " + artifact.coordinates() + " from Maven Central (once; kept in " + localRepository + ")");
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q", "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:get",
                "-Dtransitive=false", "-Dartifact=" + artifact.coordinates()));
        if (System.getProperty("maven.repo.local") != null) {
            command.add("-Dmaven.repo.local=" + localRepository);
        }
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0 || !Files.isRegularFile(artifact.in(localRepository))) {
                throw new IllegalStateException("Maven could not download " + artifact.coordinates() + ": "
                        + output.lines().filter(l -> l.contains("ERROR")).findFirst().orElse(output.strip()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run Maven (mvn) to download " + artifact.coordinates()
                    + "; install Maven or put the file at " + artifact.in(localRepository), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while downloading " + artifact.coordinates(), e);
        }
    }

    static void verify(MavenArtifact artifact, Path file) {
        String sha256 = digest(file, "SHA-256");
        if (!sha256.equals(artifact.sha256())) {
            throw new IllegalStateException(file + " is not the published " + artifact.coordinates() + " (SHA-256 " + sha256
                    + ", expected " + artifact.sha256() + "); delete it and try again");
        }
        Path sha1File = file.resolveSibling(file.getFileName() + ".sha1");
        if (Files.isRegularFile(sha1File)) {
            try {
                String expected = Files.readString(sha1File).strip().split("\\s+")[0];
                if (!expected.equalsIgnoreCase(digest(file, "SHA-1"))) {
                    throw new IllegalStateException(file + " does not match its SHA-1 file " + sha1File + "; delete both and try again");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static String digest(Path file, String algorithm) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance(algorithm);
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
        try {
            Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", into.toString()).redirectErrorStream(true).start();
            String out = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (tar.waitFor() != 0) {
                throw new IOException("tar failed on " + archive + ": " + out.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while unpacking " + archive, e);
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

    static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
