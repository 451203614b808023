package org.unionstats.serving.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import org.unionstats.environment.Environment;
import org.unionstats.process.ChildProcess;
import org.unionstats.environment.JavaRuntimes;
import org.unionstats.serving.install.TrinoDistribution;
import org.unionstats.serving.security.LocalCredentials;
import org.unionstats.serving.security.PasswordFile;
import org.unionstats.serving.security.Secrets;
import org.unionstats.serving.security.TlsCertificate;
import org.unionstats.serving.security.TrinoCredentials;

/**
 * Starts, stops and reports on the local Trino server: the official launcher runs it as a daemon on
 * a JDK 22+, with the configuration rendered from the repository's templates; readiness is Trino's
 * own {@code /v1/info} saying it is no longer starting. Every operation is safe to repeat.
 */
public final class TrinoServer {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    /** The launcher only forks the server and returns. */
    private static final Duration LAUNCH_TIMEOUT = Duration.ofMinutes(2);

    private final TrinoConfig config;
    private final Environment environment;
    private final Consumer<String> log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** @param environment the checkout (the server's Maven project), the JDK choice and the PATH the launcher gets */
    public TrinoServer(TrinoConfig config, Environment environment, Consumer<String> log) {
        this.config = config;
        this.environment = environment;
        this.log = log;
    }

    public TrinoConfig config() {
        return config;
    }

    public ServerStatus status() {
        Optional<ProcessHandle> process = process();
        if (process.isEmpty()) {
            return ServerStatus.stopped(config.url());
        }
        return new ServerStatus(true, answers(), process.get().pid(), config.url());
    }

    /** Starts the server unless it runs already, and waits until it answers. Returns the credentials to use it. */
    public TrinoCredentials start() {
        ServerStatus status = status();
        if (status.running()) {
            if (!status.ready()) {
                waitUntilReady();
            }
            return LocalCredentials.inStateFolder(config.stateFolder()).trino();
        }
        Path install = new TrinoDistribution(config.cacheFolder(), environment.root(), log).install();
        Path javaHome = JavaRuntimes.trinoJavaHome(environment);
        TrinoCredentials credentials = setUp(javaHome);
        ServerProcesses.requireFree(config.httpsPort(), "--port");
        ServerProcesses.requireFree(config.httpPort(), "--http-port");
        log.accept("starting Trino " + TrinoDistribution.VERSION + " on " + javaHome + " (heap " + config.heap() + ")");
        ServerProcesses.deletePidFile(config.pidFile());
        ChildProcess.Result launched = ChildProcess.of(install.resolve("bin/launcher").toString(), "start",
                        "--etc-dir", config.etcFolder().toString(), "--data-dir", config.dataFolder().toString())
                .environment(Map.of("JAVA_HOME", javaHome.toString(),
                        "PATH", javaHome.resolve("bin") + File.pathSeparator + environment.variables().getOrDefault("PATH", "")))
                .unsetEnvironment(Secrets.SECRET_VARIABLES.toArray(String[]::new))
                .mergeErrors().timeout(LAUNCH_TIMEOUT).run();
        if (!launched.succeeded()) {
            throw new IllegalStateException("the Trino launcher failed: " + (launched.timedOut() ? "it did not return within "
                    + LAUNCH_TIMEOUT.toMinutes() + " minutes" : launched.stdoutText().strip()));
        }
        startedProcess().orElseThrow(() -> new IllegalStateException("Trino exited at once; " + logTail()));
        waitUntilReady();
        return credentials;
    }

    /** Stops the server and waits until its process is gone; nothing to do when it is not running. */
    public boolean stop() {
        Optional<ProcessHandle> process = process();
        if (process.isEmpty()) {
            ServerProcesses.deletePidFile(config.pidFile());
            return false;
        }
        ProcessHandle server = process.get();
        log.accept("stopping Trino (pid " + server.pid() + "; killed if still running after " + STOP_TIMEOUT.toSeconds() + " s)");
        if (!ServerProcesses.stop(server, STOP_TIMEOUT)) {
            throw new IllegalStateException("Trino (pid " + server.pid() + ") could not be stopped");
        }
        ServerProcesses.deletePidFile(config.pidFile());
        return true;
    }

    /** Secrets, certificate, credentials, password file and rendered configuration: everything before the first start. */
    TrinoCredentials setUp(Path javaHome) {
        // Owner-only: configuration with the keystore password and shared secret, TLS, metastore, logs.
        Secrets.privateFolder(config.trinoFolder());
        Properties secrets = loadSecrets();
        TlsCertificate tls = TlsCertificate.in(config.tlsFolder());
        tls.ensure(javaHome, secrets.getProperty("keystore_password"));
        TrinoCredentials credentials = LocalCredentials.inStateFolder(config.stateFolder())
                .setUpTrino(config.url(), tls.certificate(), TrinoConfig.CATALOG);
        PasswordFile.write(config.etcFolder().resolve("password.db"), credentials.passwords());
        config.render(tls.keystore(), secrets.getProperty("keystore_password"), secrets.getProperty("shared_secret"));
        try {
            Files.createDirectories(config.metastoreFolder());
            Files.createDirectories(config.warehousesFolder());
            Files.createDirectories(config.dataFolder());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return credentials;
    }

    private Properties loadSecrets() {
        Properties secrets = new Properties();
        Path file = config.secretsFile();
        try {
            if (Files.isRegularFile(file)) {
                try (var in = Files.newBufferedReader(file)) {
                    secrets.load(in);
                }
            }
            if (!secrets.containsKey("keystore_password") || !secrets.containsKey("shared_secret")) {
                secrets.putIfAbsent("keystore_password", Secrets.password(24));
                secrets.putIfAbsent("shared_secret", Secrets.password(48));
                StringBuilder sb = new StringBuilder("# Generated at set-up; the server's keystore password and internal shared secret.\n");
                secrets.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
                Secrets.writePrivate(file, sb.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return secrets;
    }

    private void waitUntilReady() {
        // Looked up at each poll: on a busy machine the process the pid file first names can hand over to the JVM and exit.
        ServerProcesses.awaitReadyWhileRunning("Trino", this::process, START_TIMEOUT, this::answers, this::logTail);
        log.accept("Trino is ready at " + config.url());
    }

    /** True when /v1/info answers and the server is no longer starting. */
    boolean answers() {
        return ServerProcesses.answers(http, "http://127.0.0.1:" + config.httpPort() + "/v1/info", Duration.ofSeconds(3), body -> {
            try {
                return !new ObjectMapper().readTree(body).path("starting").asBoolean(true);
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** The server process, if the pid file names a live Trino. */
    Optional<ProcessHandle> process() {
        // The pid file can name the launcher that forked the server; then the server is the JVM running on this data folder.
        return ServerProcesses.fromPidFile(config.pidFile(), "io.trino.server", "trino-server")
                .or(() -> ServerProcesses.findRunning("io.trino.server", config.dataFolder().toString()));
    }

    /**
     * The process the launcher just started. The launcher daemonises: on a busy machine its pid
     * file can name the forked launcher for a moment before the JVM replaces it, so look again
     * for a few seconds before calling the start failed.
     */
    private Optional<ProcessHandle> startedProcess() {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Optional<ProcessHandle> server = process();
        while (server.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            server = process();
        }
        return server;
    }

    /** The last error lines of the server's log, for a message a person can act on. */
    String logTail() {
        for (Path log : List.of(config.serverLog(), config.launcherLog())) {
            try {
                if (Files.isRegularFile(log)) {
                    List<String> lines = Files.readAllLines(log);
                    List<String> errors = lines.stream().filter(l -> l.contains("ERROR") || l.startsWith("Caused by") || l.contains("Exception"))
                            .toList();
                    List<String> tail = (errors.isEmpty() ? lines : errors).subList(Math.max(0, (errors.isEmpty() ? lines : errors).size() - 5),
                            (errors.isEmpty() ? lines : errors).size());
                    if (!tail.isEmpty()) {
                        return "see " + log + ":\n  " + String.join("\n  ", tail);
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                // Try the next log.
            }
        }
        return "see the logs in " + config.dataFolder().resolve("var/log");
    }
}
