package org.unionstats.serving.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.unionstats.environment.Environment;

/**
 * Finds a JDK able to run the Trino server (Java 22 or newer): {@code UNIONSTATS_TRINO_JAVA_HOME}
 * if set, else the newest JDK in the usual install folders (the Temurin 25 JDK on our machines).
 */
public final class JavaRuntimes {

    public static final int MINIMUM_FEATURE = 22;
    public static final String ENV = "UNIONSTATS_TRINO_JAVA_HOME";

    private JavaRuntimes() {}

    /** Where JDKs are usually installed: the system's folders, SDKMAN's in the user's home, macOS's. */
    static List<Path> folders(Environment environment) {
        List<Path> folders = new ArrayList<>(List.of(Path.of("/usr/lib/jvm"), Path.of("/opt/java"), Path.of("/usr/java")));
        environment.variable("HOME").ifPresent(home -> folders.add(Path.of(home, ".sdkman/candidates/java")));
        folders.add(Path.of("/Library/Java/JavaVirtualMachines"));
        return folders;
    }

    /** A JDK home with bin/java and bin/keytool of feature version ≥ 22; a clear message if there is none. */
    public static Path trinoJavaHome(Environment environment) {
        String configured = environment.variable(ENV).orElse(null);
        if (configured != null) {
            Path home = Path.of(configured);
            int feature = feature(home).orElseThrow(() -> new IllegalStateException(ENV + "=" + configured + " is not a JDK (no release file)"));
            if (feature < MINIMUM_FEATURE) {
                throw new IllegalStateException(ENV + " points at Java " + feature + "; the Trino server needs Java " + MINIMUM_FEATURE + " or newer");
            }
            return home;
        }
        List<Path> folders = folders(environment);
        List<Path> candidates = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> list = Files.list(folder)) {
                list.map(p -> Files.isDirectory(p.resolve("Contents/Home")) ? p.resolve("Contents/Home") : p).forEach(candidates::add);
            } catch (IOException e) {
                // An unreadable folder holds no usable JDK.
            }
        }
        return candidates.stream()
                .filter(p -> Files.isExecutable(p.resolve("bin/java")) && Files.isExecutable(p.resolve("bin/keytool")))
                .filter(p -> feature(p).orElse(0) >= MINIMUM_FEATURE)
                .filter(p -> !Files.isSymbolicLink(p))
                .max(Comparator.comparingInt((Path p) -> feature(p).orElse(0)).thenComparing(Path::toString))
                .orElseThrow(() -> new IllegalStateException("no JDK " + MINIMUM_FEATURE + "+ found for the Trino server (looked in "
                        + folders.stream().map(Path::toString).reduce((a, b) -> a + ", " + b).orElse("") + "); install one, e.g. "
                        + "'apt-get install temurin-25-jdk', or set " + ENV + " to its folder"));
    }

    /** The feature version from the JDK's release file (JAVA_VERSION="25.0.1" → 25). */
    static Optional<Integer> feature(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try (var in = Files.newBufferedReader(release)) {
            Properties p = new Properties();
            p.load(in);
            String version = p.getProperty("JAVA_VERSION", "").replace("\"", "");
            String first = version.split("[.+-]")[0];
            return Optional.of(Integer.parseInt(first.equals("1") ? version.split("\\.")[1] : first));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
