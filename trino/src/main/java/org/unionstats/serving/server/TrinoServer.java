package org.unionstats.serving.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import org.unionstats.serving.install.JavaRuntimes;
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

    private final TrinoConfig config;
    private final Consumer<String> log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public TrinoServer(TrinoConfig config, Consumer<String> log) {
        this.config = config;
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
                waitUntilReady(ProcessHandle.of(status.pid()).orElseThrow());
            }
            return LocalCredentials.inStateFolder(config.stateFolder()).trino();
        }
        Path install = new TrinoDistribution(config.cacheFolder(), TrinoDistribution.defaultLocalRepository(), log).install();
        Path javaHome = JavaRuntimes.trinoJavaHome();
        TrinoCredentials credentials = setUp(javaHome);
        ServerProcesses.requireFree(config.httpsPort(), "--port");
        ServerProcesses.requireFree(config.httpPort(), "--http-port");
        log.accept("starting Trino " + TrinoDistribution.VERSION + " on " + javaHome + " (heap " + config.heap() + ")");
        try {
            Files.deleteIfExists(config.pidFile());
            ProcessBuilder launcher = new ProcessBuilder(install.resolve("bin/launcher").toString(), "start",
                    "--etc-dir", config.etcFolder().toString(), "--data-dir", config.dataFolder().toString())
                    .redirectErrorStream(true);
            launcher.environment().put("JAVA_HOME", javaHome.toString());
            launcher.environment().put("PATH", javaHome.resolve("bin") + java.io.File.pathSeparator + System.getenv().getOrDefault("PATH", ""));
            Process process = launcher.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("the Trino launcher failed: " + out.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the Trino launcher: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Trino", e);
        }
        ProcessHandle server = startedProcess().orElseThrow(() -> new IllegalStateException("Trino exited at once; " + logTail()));
        waitUntilReady(server);
        return credentials;
    }

    /** Stops the server and waits until its process is gone; nothing to do when it is not running. */
    public boolean stop() {
        Optional<ProcessHandle> process = process();
        if (process.isEmpty()) {
            deletePidFile();
            return false;
        }
        ProcessHandle server = process.get();
        log.accept("stopping Trino (pid " + server.pid() + ")");
        server.destroy();
        if (!ServerProcesses.waitForExit(server, STOP_TIMEOUT)) {
            log.accept("Trino did not stop within " + STOP_TIMEOUT.toSeconds() + " s; killing it");
            server.destroyForcibly();
            ServerProcesses.waitForExit(server, Duration.ofSeconds(30));
        }
        if (server.isAlive()) {
            throw new IllegalStateException("Trino (pid " + server.pid() + ") could not be stopped");
        }
        deletePidFile();
        return true;
    }

    /** Secrets, certificate, credentials, password file and rendered configuration: everything before the first start. */
    TrinoCredentials setUp(Path javaHome) {
        Properties secrets = loadSecrets();
        TlsCertificate tls = TlsCertificate.in(config.tlsFolder());
        tls.ensure(javaHome, secrets.getProperty("keystore_password"));
        TrinoCredentials credentials = LocalCredentials.inStateFolder(config.stateFolder())
                .setUpTrino(config.url(), tls.certificate(), TrinoConfig.CATALOG);
        PasswordFile.write(config.etcFolder().resolve("password.db"), credentials.passwords());
        Map<String, String> values = new HashMap<>();
        values.put("http_port", Integer.toString(config.httpPort()));
        values.put("https_port", Integer.toString(config.httpsPort()));
        values.put("keystore_path", tls.keystore().toString());
        values.put("keystore_password", secrets.getProperty("keystore_password"));
        values.put("shared_secret", secrets.getProperty("shared_secret"));
        values.put("etc_dir", config.etcFolder().toString());
        values.put("data_dir", config.dataFolder().toString());
        values.put("metastore_dir", config.metastoreFolder().toString());
        values.put("heap", config.heap());
        new ConfigTemplates("embedded").renderAll(config.etcFolder(), values);
        try {
            Files.createDirectories(config.metastoreFolder());
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

    private void waitUntilReady(ProcessHandle server) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("Trino stopped while starting; " + logTail());
            }
            if (answers()) {
                log.accept("Trino is ready at " + config.url());
                return;
            }
            sleep(500);
        }
        throw new IllegalStateException("Trino did not become ready within " + START_TIMEOUT.toMinutes() + " minutes; " + logTail());
    }

    /** True when /v1/info answers and the server is no longer starting. */
    boolean answers() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + config.httpPort() + "/v1/info"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return false;
            }
            JsonNode info = new ObjectMapper().readTree(response.body());
            return !info.path("starting").asBoolean(true);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The server process, if the pid file names a live Trino. */
    Optional<ProcessHandle> process() {
        return ServerProcesses.fromPidFile(config.pidFile(), "io.trino.server", "trino-server");
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

    private void deletePidFile() {
        try {
            Files.deleteIfExists(config.pidFile());
        } catch (IOException e) {
            // A stale pid file is harmless: process() checks the pid is a live Trino.
        }
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

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
