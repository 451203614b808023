package org.unionstats.cli.runs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** {@code bin/unionstats} as a scheduler starts it: a JVM of its own on the packaged CLI, output collected line by line. */
final class CliProcess implements AutoCloseable {

    private final Process process;
    private final List<String> out = Collections.synchronizedList(new ArrayList<>());
    private final List<String> err = Collections.synchronizedList(new ArrayList<>());

    private CliProcess(Process process) {
        this.process = process;
        relay(process.getInputStream(), out);
        relay(process.getErrorStream(), err);
    }

    private static Path snapshot;

    static CliProcess start(Path state, String... args) throws IOException {
        Path root = Path.of(System.getProperty("unionstats.root", "."));
        Path jars = snapshot(root);
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx1g",
                "-Dfile.encoding=UTF-8", "-Dunionstats.home=" + state, "-Dunionstats.root=" + root,
                "-Dunionstats.kpi.classpath=" + jars.resolve("kpi/unionstats-kpi-0.1.0-SNAPSHOT.jar") + ":" + jars.resolve("kpi/lib") + "/*",
                "-cp", jars.resolve("cli/unionstats-cli-0.1.0-SNAPSHOT.jar") + ":" + jars.resolve("cli/lib") + "/*",
                "org.unionstats.cli.UnionStats"));
        command.addAll(List.of(args));
        return new CliProcess(new ProcessBuilder(command).start());
    }

    /**
     * The packaged CLI and KPI job as they are when the tests start (hard links, else copies), so a
     * rebuild of target/ while the tests run cannot pull classes from under a running child.
     */
    static synchronized Path snapshot(Path root) throws IOException {
        if (snapshot == null) {
            Path dir = Files.createTempDirectory("unionstats-it-jars");
            for (String module : List.of("cli", "kpi")) {
                Path target = root.resolve((module.equals("cli") ? "cli" : "pipelines/" + module) + "/target");
                Path jar = target.resolve("unionstats-" + module + "-0.1.0-SNAPSHOT.jar");
                if (!Files.exists(jar)) {
                    throw new IllegalStateException("package the build first (mvn package): " + jar);
                }
                Files.createDirectories(dir.resolve(module + "/lib"));
                link(jar, dir.resolve(module + "/" + jar.getFileName()));
                try (var libs = Files.list(target.resolve("lib"))) {
                    for (Path lib : libs.toList()) {
                        link(lib, dir.resolve(module + "/lib/" + lib.getFileName()));
                    }
                }
            }
            snapshot = dir;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (var all = Files.walk(dir)) {
                    all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException ignored) {
                    // a temporary folder; the system cleans it up otherwise
                }
            }));
        }
        return snapshot;
    }

    private static void link(Path from, Path to) throws IOException {
        try {
            Files.createLink(to, from);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(from, to);
        }
    }

    private static void relay(java.io.InputStream in, List<String> into) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                r.lines().forEach(into::add);
            } catch (IOException ignored) {
                // the process ended
            }
        });
        t.setDaemon(true);
        t.start();
    }

    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the CLI did not finish in " + timeout + "; stderr:\n" + err());
        }
        Thread.sleep(200); // let the relays drain
        return process.exitValue();
    }

    /** Waits until a stderr line matches; fails when the process ends first. */
    String awaitErr(Predicate<String> line, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (err) {
                for (String l : err) {
                    if (line.test(l)) {
                        return l;
                    }
                }
            }
            if (!process.isAlive()) {
                throw new AssertionError("the CLI ended (exit " + process.exitValue() + ") before the awaited line; stderr:\n" + err());
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no such line within " + timeout + "; stderr:\n" + err());
    }

    /** SIGKILL, as the OOM killer or {@code kill -9} would. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    long pid() {
        return process.pid();
    }

    String out() {
        synchronized (out) {
            return String.join("\n", out);
        }
    }

    String err() {
        synchronized (err) {
            return String.join("\n", err);
        }
    }

    List<String> errLines() {
        synchronized (err) {
            return List.copyOf(err);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
