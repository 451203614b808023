package org.unionstats.dashboards.superset;

import org.unionstats.serving.server.ServerProcesses;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.unionstats.serving.security.LocalCredentials;

/**
 * Starts, stops and reports on the local Superset: installs it if needed, bootstraps its metadata
 * (db upgrade, admin user, init; once per installed version, and again whenever asked), serves it
 * with gunicorn on 127.0.0.1 as a daemon and waits until {@code /health} answers OK. Every
 * operation is safe to repeat.
 */
public final class SupersetServer {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final SupersetSettings settings;
    private final SupersetInstallation installation;
    private final SupersetCredentials credentials;
    private final Consumer<String> log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public SupersetServer(SupersetSettings settings, Consumer<String> log) {
        this.settings = settings;
        this.installation = new SupersetInstallation(settings.cacheFolder(), settings.constraintsFile(), log);
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
        int code = run(command, "start gunicorn", false);
        if (code != 0) {
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
            deletePidFile();
            return false;
        }
        ProcessHandle server = process.get();
        log.accept("stopping Superset (pid " + server.pid() + ")");
        List<ProcessHandle> workers = server.descendants().toList();
        server.destroy();
        if (!ServerProcesses.waitForExit(server, STOP_TIMEOUT)) {
            server.destroyForcibly();
            ServerProcesses.waitForExit(server, Duration.ofSeconds(10));
        }
        for (ProcessHandle worker : workers) {
            if (worker.isAlive() && !ServerProcesses.waitForExit(worker, Duration.ofSeconds(10))) {
                worker.destroyForcibly();
            }
        }
        deletePidFile();
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
        superset("db", "upgrade");
        String adminPassword = credentials.users().get(SupersetCredentials.ADMIN);
        superset("fab", "create-admin", "--username", SupersetCredentials.ADMIN, "--firstname", "系统", "--lastname", "管理员",
                "--email", "admin@unionstats.local", "--password", adminPassword);
        // create-admin leaves an existing user as it is: make sure the password is the saved one.
        superset("fab", "reset-password", "--username", SupersetCredentials.ADMIN, "--password", adminPassword);
        superset("init");
        try {
            Files.writeString(marker, expected + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void superset(String... args) {
        List<String> command = new ArrayList<>();
        command.add(installation.bin("superset").toString());
        command.addAll(List.of(args));
        if (run(command, "superset " + args[0], true) != 0) {
            throw new IllegalStateException("'superset " + String.join(" ", args).replaceAll("--password \\S+", "--password ***")
                    + "' failed; see " + settings.home().resolve("bootstrap.log"));
        }
    }

    private int run(List<String> command, String what, boolean toBootstrapLog) {
        try {
            Files.createDirectories(settings.home());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(settings.home().resolve(toBootstrapLog ? "bootstrap.log" : "launch.log").toFile()));
            environment(builder.environment());
            builder.directory(settings.home().toFile());
            return builder.start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot " + what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trying to " + what, e);
        }
    }

    private void environment(Map<String, String> env) {
        env.put("SUPERSET_CONFIG_PATH", settings.configFile().toString());
        env.put("UNIONSTATS_SUPERSET_HOME", settings.home().toString());
        env.put("UNIONSTATS_CREDENTIALS", settings.credentialsFile().toString());
        env.put("FLASK_APP", "superset");
        env.put("PYTHONUNBUFFERED", "1");
        env.put("PATH", installation.venv().resolve("bin") + java.io.File.pathSeparator + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.remove("PYTHONPATH");
        // requests lets these override a session's own verify setting: Superset must trust Trino's certificate as configured.
        env.remove("REQUESTS_CA_BUNDLE");
        env.remove("CURL_CA_BUNDLE");
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
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("Superset stopped while starting; " + logTail());
            }
            if (healthy()) {
                log.accept("Superset is ready at " + settings.url());
                return;
            }
            sleep(500);
        }
        throw new IllegalStateException("Superset did not answer /health within " + START_TIMEOUT.toMinutes() + " minutes; " + logTail());
    }

    /** True when /health answers OK. */
    public boolean healthy() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(settings.url() + "/health"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().strip().equals("OK");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The gunicorn master, if the pid file names a live one. */
    Optional<ProcessHandle> process() {
        return ServerProcesses.fromPidFile(settings.pidFile(), "gunicorn");
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(settings.pidFile());
        } catch (IOException e) {
            // process() checks the pid is a live gunicorn, so a stale file is harmless.
        }
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
