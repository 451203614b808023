package org.unionstats.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The KPI job's class-data archive (HotSpot's application class-data sharing): the classes a run loaded, parsed and
 * verified, which the next run's JVM maps from one file instead of loading them again from the job's ~300 jars. Spark
 * loads classes all through a run, not only at start-up.
 *
 * <p>The archive lies in the KPI module's build output, named by a digest of the JVM's build and of the job's jars (name,
 * size, time): a JVM maps only an archive of its own build and of the same jars, so a rebuilt job or another JVM gets an
 * archive of its own and the old ones are removed. A run without its archive writes one when it exits, into a file of its
 * own that is put in place only when the job succeeded ({@link Use#keep}). The JVM's messages about classes it does not
 * archive are off: there are a thousand of them, and a JVM that cannot map an archive runs without it.
 */
public final class ClassDataArchive {

    static final String FOLDER = "class-data";
    private static final String SUFFIX = ".jsa";

    private final Path folder;
    private final String name;

    private ClassDataArchive(Path folder, String name) {
        this.folder = folder;
        this.name = name;
    }

    /**
     * @param target the KPI module's build output, holding the job's jar and its {@code lib} folder
     * @param jvmBuild the build of the JVM that runs the job
     */
    static ClassDataArchive of(Path target, List<Path> jars, String jvmBuild) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(jvmBuild.getBytes(StandardCharsets.UTF_8));
            for (Path jar : jars) {
                digest.update(("\n" + jar.toAbsolutePath() + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis())
                        .getBytes(StandardCharsets.UTF_8));
            }
            String key = HexFormat.of().formatHex(digest.digest(), 0, 8);
            return new ClassDataArchive(target.resolve(FOLDER), "unionstats-kpi-" + key + SUFFIX);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the KPI job's jars in " + target, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The archive of the job built in {@code target} ({@code unionstats-kpi-<version>.jar} and {@code lib/*.jar}) on the
     * JVM of that build ({@link org.unionstats.environment.JavaRuntimes.JavaRuntime#build}).
     */
    static ClassDataArchive forBuild(Path target, Path jar, String jvmBuild) {
        try (Stream<Path> libs = Files.list(target.resolve("lib"))) {
            List<Path> jars = Stream.concat(Stream.of(jar), libs.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted()).toList();
            return of(target, jars, jvmBuild);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the KPI job's libraries in " + target.resolve("lib"), e);
        }
    }

    /** The archive file, whether written yet or not. */
    Path file() {
        return folder.resolve(name);
    }

    /** The JVM options for one run of the job, mapping the archive, or writing it when there is none yet. */
    public Use use() {
        if (Files.isRegularFile(file())) {
            return new Use(List.of("-XX:SharedArchiveFile=" + file(), "-Xlog:cds*=off"), Optional.empty());
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            // Without the folder the job runs as it would without an archive.
            return Use.NONE;
        }
        Path written = folder.resolve(name + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".part");
        return new Use(List.of("-XX:ArchiveClassesAtExit=" + written, "-Xlog:cds*=off"), Optional.of(written));
    }

    /**
     * One run's use of the archive.
     *
     * @param options the JVM options
     * @param written the file the run writes the archive to when it exits, if it writes one
     */
    public record Use(List<String> options, Optional<Path> written) {

        /** A job given by its classpath alone: no archive. */
        public static final Use NONE = new Use(List.of(), Optional.empty());

        /** Whether the run writes the archive (it takes a few seconds more, once). */
        public boolean writes() {
            return written.isPresent();
        }

        /** After a successful run: puts the archive it wrote in place of the older ones. */
        public void keep() {
            if (written.isEmpty() || !Files.isRegularFile(written.get())) {
                return;
            }
            Path part = written.get();
            String name = part.getFileName().toString();
            Path file = part.resolveSibling(name.substring(0, name.indexOf(SUFFIX) + SUFFIX.length()));
            try {
                Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                try (Stream<Path> others = Files.list(file.getParent())) {
                    for (Path other : others.filter(p -> !p.equals(file) && p.getFileName().toString().endsWith(SUFFIX)).toList()) {
                        Files.deleteIfExists(other);
                    }
                }
            } catch (IOException e) {
                // The next run writes it again.
                discard();
            }
        }

        /** After a failed run: removes what it wrote. */
        public void discard() {
            written.ifPresent(part -> {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException e) {
                    // A leftover part is never mapped: only finished archives are.
                }
            });
        }
    }
}
