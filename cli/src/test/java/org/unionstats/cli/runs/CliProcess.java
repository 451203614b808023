package org.unionstats.cli.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.unionstats.environment.Environment;
import org.unionstats.files.FileTrees;
import org.unionstats.process.ChildProcess;

/** {@code bin/unionstats} as a scheduler starts it: a JVM of its own on the packaged CLI, output collected line by line. */
final class CliProcess implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final Process process;
    private final List<String> out = Collections.synchronizedList(new ArrayList<>());
    private final List<String> err = Collections.synchronizedList(new ArrayList<>());

    private CliProcess(List<String> command) {
        this.process = ChildProcess.of(command).onStdout(out::add).onStderr(err::add).startInBackground();
    }

    private static Path snapshot;

    static CliProcess start(Path state, String... args) throws IOException {
        Path root = Path.of(System.getProperty("unionstats.root", "."));
        Path jars = snapshot(root);
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx1g",
                "-Dfile.encoding=UTF-8", "-Dunionstats.home=" + state, "-Dunionstats.root=" + root,
                "-Dunionstats.kpi.classpath=" + jars.resolve("kpi/" + jar("kpi")) + ":" + jars.resolve("kpi/lib") + "/*",
                "-cp", jars.resolve("cli/" + jar("cli")) + ":" + jars.resolve("cli/lib") + "/*",
                "org.unionstats.cli.UnionStats"));
        command.addAll(List.of(args));
        return new CliProcess(command);
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
                Path jar = target.resolve(jar(module));
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
            Runtime.getRuntime().addShutdownHook(new Thread(() -> FileTrees.deleteRecursively(dir)));
        }
        return snapshot;
    }

    private static String jar(String module) {
        return "unionstats-" + module + "-" + Environment.VERSION + ".jar";
    }

    private static void link(Path from, Path to) throws IOException {
        try {
            Files.createLink(to, from);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(from, to);
        }
    }

    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            ChildProcess.stop(process.toHandle(), STOP_GRACE);
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

    /** Stops what is still running (with its KPI job); a test that wants SIGKILL of the CLI alone calls {@link #kill()}. */
    @Override
    public void close() {
        if (process.isAlive()) {
            ChildProcess.stop(process.toHandle(), STOP_GRACE);
        }
    }
}
