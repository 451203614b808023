package org.unionstats.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Every child process the project starts (Trino, Superset, pip, keytool, tar, the Spark job):
 * one place for the working folder, environment, output capture, timeouts and clean shutdown.
 * Output is read on its own threads as it comes, so a chatty child never blocks on a full pipe;
 * a child still running at its deadline is stopped (SIGTERM, then SIGKILL) with its descendants.
 */
public final class ChildProcess {

    /** How long a stopped child gets between SIGTERM and SIGKILL. */
    private static final Duration GRACE = Duration.ofSeconds(10);
    /** How long a finished child's output is still read, for what its descendants hold open. */
    private static final Duration OUTPUT_DRAIN = Duration.ofSeconds(10);
    /** Lines of output a result keeps (the last ones): enough to explain a failure. */
    private static final int KEPT_LINES = 400;

    private final List<String> command;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final java.util.Set<String> unset = new java.util.LinkedHashSet<>();
    private Path directory;
    private Duration timeout = Duration.ofMinutes(10);
    private Consumer<String> stdoutLines = line -> {};
    private Consumer<String> stderrLines = line -> {};
    private boolean mergeErrors;
    private String stdin;

    private ChildProcess(List<String> command) {
        this.command = List.copyOf(command);
    }

    public static ChildProcess of(List<String> command) {
        return new ChildProcess(command);
    }

    public static ChildProcess of(String... command) {
        return new ChildProcess(List.of(command));
    }

    public ChildProcess directory(Path directory) {
        this.directory = directory;
        return this;
    }

    public ChildProcess environment(Map<String, String> variables) {
        environment.putAll(variables);
        return this;
    }

    /** Variables of this process's environment the child must not inherit. */
    public ChildProcess unsetEnvironment(String... names) {
        unset.addAll(List.of(names));
        return this;
    }

    public ChildProcess timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /** Each line of standard output as it comes (besides keeping it in the result). */
    public ChildProcess onStdout(Consumer<String> lines) {
        this.stdoutLines = lines;
        return this;
    }

    /** Each line of standard error as it comes (besides keeping it in the result). */
    public ChildProcess onStderr(Consumer<String> lines) {
        this.stderrLines = lines;
        return this;
    }

    /** Standard error joins standard output (one stream, in order). */
    public ChildProcess mergeErrors() {
        this.mergeErrors = true;
        return this;
    }

    /** Text written to the child's standard input, which is then closed (secrets go this way, never in arguments). */
    public ChildProcess input(String text) {
        this.stdin = text;
        return this;
    }

    /** Runs to the end (or the timeout) and returns its exit code and output; never throws for a non-zero exit. */
    public Result run() {
        Process process = start();
        Capture out = new Capture(process.getInputStream(), stdoutLines, "stdout");
        Capture err = mergeErrors ? null : new Capture(process.getErrorStream(), stderrLines, "stderr");
        try {
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                stop(process.toHandle(), GRACE);
            }
            // A child that daemonised may leave a grandchild holding its output open: read what came, then go on.
            out.join(OUTPUT_DRAIN);
            if (err != null) {
                err.join(OUTPUT_DRAIN);
            }
            return new Result(command, finished ? process.exitValue() : -1, !finished, out.lines(),
                    err == null ? List.of() : err.lines());
        } catch (InterruptedException e) {
            stop(process.toHandle(), GRACE);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name(), e);
        }
    }

    /** Runs and fails with the child's last output lines unless it exits 0 in time. */
    public Result runChecked() {
        Result result = run();
        if (!result.succeeded()) {
            throw new ChildProcessException(result);
        }
        return result;
    }

    /**
     * Starts the child and leaves it running (servers): its output goes to the consumers on
     * daemon threads; the caller owns the process.
     */
    public Process startInBackground() {
        Process process = start();
        new Capture(process.getInputStream(), stdoutLines, "stdout");
        if (!mergeErrors) {
            new Capture(process.getErrorStream(), stderrLines, "stderr");
        }
        return process;
    }

    private Process start() {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(mergeErrors);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        builder.environment().keySet().removeAll(unset);
        builder.environment().putAll(environment);
        if (stdin == null) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        }
        try {
            Process process = builder.start();
            if (stdin != null) {
                try (var in = process.getOutputStream()) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name() + ": " + e.getMessage(), e);
        }
    }

    private String name() {
        return Path.of(command.get(0)).getFileName().toString();
    }

    /** Stops a process and its descendants: SIGTERM, then SIGKILL after the grace period. True when it is gone. */
    public static boolean stop(ProcessHandle process, Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        if (!waitForExit(process, grace)) {
            process.destroyForcibly();
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
        return waitForExit(process, Duration.ofSeconds(5));
    }

    /** Waits until the process is gone; false if it is still running after the timeout. */
    public static boolean waitForExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** What a finished (or timed-out) child left. */
    public record Result(List<String> command, int exitCode, boolean timedOut, List<String> stdout, List<String> stderr) {

        public boolean succeeded() {
            return exitCode == 0 && !timedOut;
        }

        public String stdoutText() {
            return String.join("\n", stdout);
        }

        /** The last lines of output, for an error message. */
        public String tail(int lines) {
            List<String> all = new ArrayList<>(stdout);
            all.addAll(stderr);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        }
    }

    /** A child that failed or timed out, with what it printed last. */
    public static final class ChildProcessException extends RuntimeException {
        private final transient Result result;

        ChildProcessException(Result result) {
            super(Path.of(result.command().get(0)).getFileName() + (result.timedOut() ? " did not finish in time" : " failed (exit "
                    + result.exitCode() + ")") + (result.tail(20).isBlank() ? "" : ":\n" + result.tail(20)));
            this.result = result;
        }

        public Result result() {
            return result;
        }
    }

    /** Reads one stream line by line on a daemon thread, keeping the last lines. */
    private static final class Capture {
        private final List<String> kept = Collections.synchronizedList(new ArrayList<>());
        private final Thread thread;

        Capture(InputStream stream, Consumer<String> consumer, String name) {
            thread = new Thread(() -> {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                        synchronized (kept) {
                            kept.add(line);
                            if (kept.size() > KEPT_LINES) {
                                kept.remove(0);
                            }
                        }
                        consumer.accept(line);
                    }
                } catch (IOException e) {
                    // the child closed its end: nothing more to read
                }
            }, "child-" + name);
            thread.setDaemon(true);
            thread.start();
        }

        void join(Duration atMost) throws InterruptedException {
            thread.join(atMost.toMillis());
        }

        List<String> lines() {
            synchronized (kept) {
                return List.copyOf(kept);
            }
        }
    }
}
