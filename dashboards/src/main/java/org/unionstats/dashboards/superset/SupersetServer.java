package org.unionstats.dashboards.superset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.unionstats.environment.Environment;
import org.unionstats.process.ChildProcess;
import org.unionstats.serving.security.LocalCredentials;
import org.unionstats.serving.server.ServerProcesses;

/**
 * Starts, stops and reports on the local Superset: installs it if needed, bootstraps its metadata
 * (db upgrade, admin user, init; once per installed version, and again whenever asked), serves it
 * with gunicorn on 127.0.0.1 as a daemon and waits until {@code /health} answers OK. Every
 * operation is safe to repeat.
 */
public final class SupersetServer {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    /** gunicorn --daemon forks the server and returns. */
    private static final Duration LAUNCH_TIMEOUT = Duration.ofMinutes(2);
    /** db upgrade, create-admin, init: each about a minute. */
    private static final Duration BOOTSTRAP_TIMEOUT = Duration.ofMinutes(15);
    /**
     * requests lets these override a session's own verify setting: Superset must trust Trino's
     * certificate as configured. PYTHONPATH would mix other packages into the venv's. The pseudonym
     * key is a secret Superset has no use for.
     */
    static final List<String> UNSET_VARIABLES = List.of("PYTHONPATH", "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE",
            org.unionstats.serving.security.Secrets.PSEUDONYM_KEY_VARIABLE);
    /**
     * Runs the superset command line with {@code --password} added inside Python from the first line
     * of standard input, so a password never shows in the process list (exactly what the venv's
     * bin/superset runs: the {@code superset} console script).
     */
    static final String WITH_PASSWORD = String.join("\n",
            "import sys",
            "from importlib.metadata import entry_points",
            "password = sys.stdin.readline().rstrip('\\n')",
            "(superset,) = entry_points(group='console_scripts', name='superset')",
            "sys.argv = ['superset', *sys.argv[1:], '--password', password]",
            "sys.exit(superset.load()())");

    private final SupersetSettings settings;
    private final Environment environment;
    private final SupersetInstallation installation;
    private final SupersetCredentials credentials;
    private final Consumer<String> log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** @param environment the Python choice and the PATH Superset's processes get */
    public SupersetServer(SupersetSettings settings, Environment environment, Consumer<String> log) {
        this.settings = settings;
        this.environment = environment;
        this.installation = new SupersetInstallation(settings.cacheFolder(), settings.constraintsFile(), environment, log);
        this.credentials = new SupersetCredentials(new LocalCredentials(settings.credentialsFile()));
        this.log = log;
    }

    public SupersetSettings settings() {
        return settings;
    }

    public SupersetCredentials credentials() {
        return credentials;
    }

    /** Running (a live gunicorn from our pid file) and healthy (answering /health). */
    public record Status(boolean running, boolean healthy, long pid, String url) {}

    public Status status() {
        Optional<ProcessHandle> process = process();
        return process.map(p -> new Status(true, healthy(), p.pid(), settings.url()))
                .orElseGet(() -> new Status(false, false, 0, settings.url()));
    }

    /** Starts Superset unless it runs already, and waits until it is healthy. */
    public Status start() {
        Status status = status();
        if (status.running()) {
            if (!status.healthy()) {
                waitUntilHealthy(ProcessHandle.of(status.pid()).orElseThrow());
            }
            return status();
        }
        installation.install();
        ObjectNode entry = credentials.ensure(settings.url());
        bootstrap(entry);
        ServerProcesses.requireFree(settings.port(), "--port");
        log.accept("starting Superset " + SupersetInstallation.VERSION + " on " + settings.url() + " (" + settings.workers() + " workers)");
        List<String> command = List.of(installation.bin("gunicorn").toString(),
                "--bind", "127.0.0.1:" + settings.port(),
                "--workers", Integer.toString(settings.workers()),
                "--worker-class", "gthread", "--threads", "4",
                "--timeout", "180", "--limit-request-line", "0", "--limit-request-field_size", "0",
                "--daemon", "--pid", settings.pidFile().toString(),
                "--access-logfile", settings.home().resolve("access.log").toString(),
                "--error-logfile", settings.serverLog().toString(), "--capture-output",
                "superset.app:create_app()");
        if (!run(command, null, LAUNCH_TIMEOUT, settings.home().resolve("launch.log"))) {
            throw new IllegalStateException("gunicorn could not start Superset; see " + settings.serverLog());
        }
        ProcessHandle server = waitForPid();
        waitUntilHealthy(server);
        return status();
    }

    /** Stops the server and waits until it is gone; nothing to do when it is not running. */
    public boolean stop() {
        Optional<ProcessHandle> process = process();
        if (process.isEmpty()) {
            ServerProcesses.deletePidFile(settings.pidFile());
            return false;
        }
        ProcessHandle server = process.get();
        log.accept("stopping Superset (pid " + server.pid() + ")");
        // gunicorn's master stops its workers; ChildProcess.stop also ends any worker left behind.
        ServerProcesses.stop(server, STOP_TIMEOUT);
        ServerProcesses.deletePidFile(settings.pidFile());
        return true;
    }

    /**
     * db upgrade, admin user, init: each idempotent in Superset itself; a marker with the version
     * skips them on later starts (they take a minute) unless the admin is missing.
     */
    void bootstrap(ObjectNode entry) {
        Path marker = settings.home().resolve("bootstrapped");
        String expected = SupersetInstallation.VERSION + " " + settings.configFile();
        try {
            Files.createDirectories(settings.home());
            if (Files.isRegularFile(marker) && Files.readString(marker).strip().equals(expected)
                    && Files.isRegularFile(settings.home().resolve("superset.db"))) {
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.accept("bootstrapping Superset's metadata in " + settings.home() + " (db upgrade, admin, init)");
        superset(null, "db", "upgrade");
        String adminPassword = credentials.users().get(SupersetCredentials.ADMIN);
        superset(adminPassword, "fab", "create-admin", "--username", SupersetCredentials.ADMIN, "--firstname", "系统", "--lastname", "管理员",
                "--email", "admin@unionstats.local");
        // create-admin leaves an existing user as it is: make sure the password is the saved one.
        superset(adminPassword, "fab", "reset-password", "--username", SupersetCredentials.ADMIN);
        superset(null, "init");
        try {
            Files.writeString(marker, expected + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One superset command; a password, if any, goes in through standard input ({@link #WITH_PASSWORD}). */
    private void superset(String password, String... args) {
        List<String> command = new ArrayList<>();
        if (password == null) {
            command.add(installation.bin("superset").toString());
        } else {
            command.addAll(List.of(installation.bin("python").toString(), "-c", WITH_PASSWORD));
        }
        command.addAll(List.of(args));
        if (!run(command, password == null ? null : password + "\n", BOOTSTRAP_TIMEOUT, settings.home().resolve("bootstrap.log"))) {
            throw new IllegalStateException("'superset " + String.join(" ", args) + "' failed; see " + settings.home().resolve("bootstrap.log"));
        }
    }

    /** Runs a command of the venv in Superset's home with Superset's environment, its output appended to the log; true when it succeeded. */
    private boolean run(List<String> command, String input, Duration timeout, Path logFile) {
        try {
            Files.createDirectories(settings.home());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (BufferedWriter out = Files.newBufferedWriter(logFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            ChildProcess child = ChildProcess.of(withoutUnsetVariables(command)).directory(settings.home()).environment(variables())
                    .mergeErrors().timeout(timeout).onStdout(line -> append(out, line));
            if (input != null) {
                child.input(input);
            }
            ChildProcess.Result result = child.run();
            if (result.timedOut()) {
                append(out, "unionstats: stopped after " + timeout.toMinutes() + " minutes");
            }
            return result.succeeded();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + logFile + ": " + e.getMessage(), e);
        }
    }

    private static void append(BufferedWriter out, String line) {
        try {
            synchronized (out) {
                out.write(line);
                out.newLine();
                out.flush();
            }
        } catch (IOException e) {
            // The log is for people; the command's outcome is its exit code.
        }
    }

    /** The variables Superset's processes get on top of this process's. */
    Map<String, String> variables() {
        return Map.of("SUPERSET_CONFIG_PATH", settings.configFile().toString(),
                "UNIONSTATS_SUPERSET_HOME", settings.home().toString(),
                "UNIONSTATS_CREDENTIALS", settings.credentialsFile().toString(),
                "UNIONSTATS_LETTER_ARCHIVES", settings.letterArchives(),
                "FLASK_APP", "superset",
                "PYTHONUNBUFFERED", "1",
                "PATH", installation.venv().resolve("bin") + File.pathSeparator + environment.variables().getOrDefault("PATH", "/usr/bin:/bin"));
    }

    /** The command run through env(1) with {@link #UNSET_VARIABLES} removed from its environment. */
    static List<String> withoutUnsetVariables(List<String> command) {
        List<String> full = new ArrayList<>(List.of("/usr/bin/env"));
        UNSET_VARIABLES.forEach(v -> full.addAll(List.of("-u", v)));
        full.addAll(command);
        return full;
    }

    private ProcessHandle waitForPid() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> process = process();
            if (process.isPresent()) {
                return process.get();
            }
            sleep(300);
        }
        throw new IllegalStateException("Superset did not start; " + logTail());
    }

    private void waitUntilHealthy(ProcessHandle server) {
        ServerProcesses.awaitReady("Superset", server, START_TIMEOUT, this::healthy, this::logTail);
        log.accept("Superset is ready at " + settings.url());
    }

    /** True when /health answers OK. */
    public boolean healthy() {
        return ServerProcesses.answers(http, settings.url() + "/health", Duration.ofSeconds(5), body -> body.strip().equals("OK"));
    }

    /** The gunicorn master, if the pid file names a live one. */
    Optional<ProcessHandle> process() {
        return ServerProcesses.fromPidFile(settings.pidFile(), "gunicorn");
    }

    String logTail() {
        Path log = settings.serverLog();
        try {
            if (Files.isRegularFile(log)) {
                List<String> lines = Files.readAllLines(log);
                return "see " + log + ":\n  " + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
            }
        } catch (IOException | UncheckedIOException e) {
            // fall through
        }
        return "see " + log;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
