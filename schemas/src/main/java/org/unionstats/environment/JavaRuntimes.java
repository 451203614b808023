package org.unionstats.environment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The JDKs of this machine and which one runs what: the Trino server needs Java 22 or newer; the KPI job runs on the
 * newest JDK it is tested on (Java 25 on our machines), where it takes a tenth less time than on Java 17, else on the JVM
 * of the command that starts it. Each can be set by a variable instead. {@code bin/unionstats} chooses its own JVM
 * likewise before any Java runs: the newest in /usr/lib/jvm from 17 to {@value #KPI_JOB_NEWEST_FEATURE}, or
 * {@code UNIONSTATS_JAVA_HOME}.
 */
public final class JavaRuntimes {

    public static final int TRINO_MINIMUM_FEATURE = 22;
    public static final String TRINO_ENV = "UNIONSTATS_TRINO_JAVA_HOME";

    /** The newest Java the KPI job (Spark, Hadoop's client) is tested on. */
    public static final int KPI_JOB_NEWEST_FEATURE = 25;
    public static final String KPI_JOB_ENV = "UNIONSTATS_KPI_JAVA_HOME";

    /**
     * One JDK.
     *
     * @param home its folder
     * @param feature its feature version (25 for 25.0.1)
     * @param build its vendor and full version, which tells its builds apart
     */
    public record JavaRuntime(Path home, int feature, String build) {

        /** Its {@code bin/java}. */
        public Path java() {
            return home.resolve("bin").resolve("java");
        }

        /**
         * The options without which this JDK warns on stderr, once per library, about what the libraries of a job use:
         * native access (Snappy, DuckDB, Netty) from Java 22, and sun.misc.Unsafe's memory access (Spark, Arrow, Beam's
         * vendored protobuf; allowed through Java 25) from Java 23. bin/unionstats gives its own JVM the same.
         */
        public List<String> libraryAccessOptions() {
            List<String> options = new ArrayList<>();
            if (feature >= 22) {
                options.add("--enable-native-access=ALL-UNNAMED");
            }
            if (feature >= 23) {
                options.add("--sun-misc-unsafe-memory-access=allow");
            }
            return List.copyOf(options);
        }
    }

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
        String configured = environment.variable(TRINO_ENV).orElse(null);
        if (configured != null) {
            Path home = Path.of(configured);
            int feature = feature(home).orElseThrow(() -> new IllegalStateException(TRINO_ENV + "=" + configured + " is not a JDK (no release file)"));
            if (feature < TRINO_MINIMUM_FEATURE) {
                throw new IllegalStateException(TRINO_ENV + " points at Java " + feature + "; the Trino server needs Java "
                        + TRINO_MINIMUM_FEATURE + " or newer");
            }
            return home;
        }
        return installed(environment).stream()
                .filter(p -> Files.isExecutable(p.resolve("bin/keytool")))
                .filter(p -> feature(p).orElse(0) >= TRINO_MINIMUM_FEATURE)
                .max(Comparator.comparingInt((Path p) -> feature(p).orElse(0)).thenComparing(Path::toString))
                .orElseThrow(() -> new IllegalStateException("no JDK " + TRINO_MINIMUM_FEATURE + "+ found for the Trino server (looked in "
                        + folders(environment).stream().map(Path::toString).reduce((a, b) -> a + ", " + b).orElse("") + "); install one, e.g. "
                        + "'apt-get install temurin-25-jdk', or set " + TRINO_ENV + " to its folder"));
    }

    /**
     * The JDK the KPI job runs on: {@value #KPI_JOB_ENV} if set; else the newest installed JDK from this JVM's version to
     * {@value #KPI_JOB_NEWEST_FEATURE}; else this JVM.
     */
    public static JavaRuntime kpiJob(Environment environment) {
        String configured = environment.variable(KPI_JOB_ENV).orElse(null);
        if (configured != null) {
            Path home = Path.of(configured);
            return runtime(home).filter(r -> Files.isExecutable(r.java()))
                    .orElseThrow(() -> new IllegalStateException(KPI_JOB_ENV + "=" + configured + " is not a JDK (no bin/java or release file)"));
        }
        JavaRuntime current = current();
        return installed(environment).stream()
                .map(JavaRuntimes::runtime).flatMap(Optional::stream)
                .filter(r -> r.feature() >= current.feature() && r.feature() <= KPI_JOB_NEWEST_FEATURE)
                .max(Comparator.comparingInt(JavaRuntime::feature).thenComparing(r -> r.home().toString()))
                .filter(r -> r.feature() > current.feature())
                .orElse(current);
    }

    /** The JVM this code runs on. */
    public static JavaRuntime current() {
        return new JavaRuntime(Path.of(System.getProperty("java.home")), Runtime.version().feature(),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.version"));
    }

    /** The JDK homes with a bin/java in the usual folders (links to them left out: each JDK once). */
    private static List<Path> installed(Environment environment) {
        List<Path> candidates = new ArrayList<>();
        for (Path folder : folders(environment)) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> list = Files.list(folder)) {
                list.map(p -> Files.isDirectory(p.resolve("Contents/Home")) ? p.resolve("Contents/Home") : p).forEach(candidates::add);
            } catch (IOException e) {
                // An unreadable folder holds no usable JDK.
            }
        }
        return candidates.stream().filter(p -> Files.isExecutable(p.resolve("bin/java"))).filter(p -> !Files.isSymbolicLink(p)).toList();
    }

    /** The JDK in this folder, from its release file. */
    static Optional<JavaRuntime> runtime(Path home) {
        Optional<Properties> release = release(home);
        return feature(home).map(f -> new JavaRuntime(home, f, release.map(p -> unquoted(p, "IMPLEMENTOR") + " "
                + (unquoted(p, "JAVA_RUNTIME_VERSION").isEmpty() ? unquoted(p, "JAVA_VERSION") : unquoted(p, "JAVA_RUNTIME_VERSION"))).orElse("")));
    }

    /** The feature version from the JDK's release file (JAVA_VERSION="25.0.1" → 25). */
    static Optional<Integer> feature(Path home) {
        try {
            return release(home).map(p -> {
                String version = unquoted(p, "JAVA_VERSION");
                String first = version.split("[.+-]")[0];
                return Integer.parseInt(first.equals("1") ? version.split("\\.")[1] : first);
            });
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Properties> release(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try (var in = Files.newBufferedReader(release)) {
            Properties p = new Properties();
            p.load(in);
            return Optional.of(p);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String unquoted(Properties release, String key) {
        return release.getProperty(key, "").replace("\"", "");
    }
}
