package org.unionstats.environment;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the project runs: its checkout, its local state folder and the process environment. Built
 * once at the command line's edge ({@link #fromSystem()}) and passed down; nothing below the edge
 * reads system properties or environment variables.
 *
 * @param root the checkout (schemas, dashboards, templates, the packaged jars)
 * @param home the local state folder ({@code .local/}: pseudonym key, credentials, server state)
 * @param variables the process environment (secrets, JDK and Python choices, lineage targets)
 */
public record Environment(Path root, Path home, Map<String, String> variables) {

    /** The project's version: its jars' names. */
    public static final String VERSION = "0.1.0-SNAPSHOT";
    /** Spark's master in the embedded default. */
    public static final String LOCAL_SPARK_MASTER = "local[*]";
    /** Heap of a child JVM that runs a job (the KPI job), unless told otherwise. */
    public static final String JOB_HEAP = "6g";

    public Environment {
        root = root.toAbsolutePath().normalize();
        home = home.toAbsolutePath().normalize();
        variables = Map.copyOf(variables);
    }

    /** The environment of this process: {@code -Dunionstats.root}, {@code -Dunionstats.home} (set by bin/unionstats) and the variables. */
    public static Environment fromSystem() {
        Path root = Path.of(System.getProperty("unionstats.root", "."));
        Path home = Path.of(System.getProperty("unionstats.home", root.resolve(".local").toString()));
        return new Environment(root, home, System.getenv());
    }

    public Optional<String> variable(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** Downloads and installs the project keeps out of git ({@code .cache/}). */
    public Path cache() {
        return root.resolve(".cache");
    }

    /** A module's build output ({@code <module>/target}), where the packaged jars are. */
    public Path target(String module) {
        return root.resolve(module).resolve("target");
    }

    /** The PATH of this process, as a list of folders. */
    public java.util.List<Path> path() {
        return java.util.Arrays.stream(variables.getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator))
                .filter(s -> !s.isBlank()).map(Path::of).toList();
    }
}
