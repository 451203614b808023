package org.unionstats.cli;

import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionstats.environment.Environment;
import org.unionstats.serving.security.TrinoCredentials;
import org.unionstats.serving.server.ServerStatus;
import org.unionstats.serving.server.TrinoConfig;
import org.unionstats.serving.server.TrinoServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "trino", mixinStandardHelpOptions = true,
        description = {"Run the local Trino server that serves the warehouse (HTTPS on 127.0.0.1, passwords, read-only analysts).",
                "start installs Trino " + org.unionstats.serving.install.TrinoDistribution.VERSION
                        + " on first use (Maven Central, checksums verified), sets up certificate and passwords, and waits until it answers."})
final class TrinoCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(TrinoCommand.class);

    @Parameters(index = "0", description = "start, stop or status")
    String action;

    @Option(names = "--port", description = "HTTPS port for clients. Default: the last one used, else " + TrinoConfig.DEFAULT_HTTPS_PORT + ".")
    Integer port;

    @Option(names = "--http-port", description = "Loopback HTTP port for the server itself. Default: the last one used, else "
            + TrinoConfig.DEFAULT_HTTP_PORT + ".")
    Integer httpPort;

    @Option(names = "--heap", description = "Server heap. Default: " + TrinoConfig.DEFAULT_HEAP + " (a 2-core, 24 GiB machine shared with Spark).")
    String heap;

    @Override
    public Integer call() {
        Environment environment = Serving.environment();
        TrinoServer server = new TrinoServer(TrinoConfig.of(environment).withPorts(port, httpPort).withHeap(heap), environment, LOG::info);
        switch (action) {
            case "start" -> {
                boolean wasRunning = server.status().ready();
                TrinoCredentials credentials = server.start();
                System.out.println(wasRunning ? "Trino was already running at " + credentials.url() : "Trino is running at " + credentials.url());
                System.out.println("credentials: " + Serving.credentialsFile().file() + " (bin/unionstats credentials)");
                return 0;
            }
            case "stop" -> {
                System.out.println(server.stop() ? "Trino stopped" : "Trino was not running");
                return 0;
            }
            case "status" -> {
                ServerStatus status = server.status();
                System.out.println(status.describe());
                return status.ready() ? 0 : 3;
            }
            default -> throw new IllegalArgumentException("unknown action '" + action + "'; try: start, stop, status");
        }
    }
}
