package org.unionstats.cli;

import java.util.concurrent.Callable;
import org.unionstats.errors.ExitCode;
import org.unionstats.serving.install.TrinoDistribution;
import org.unionstats.serving.security.TrinoCredentials;
import org.unionstats.serving.server.ServerStatus;
import org.unionstats.serving.server.TrinoConfig;
import org.unionstats.serving.server.TrinoServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trino start|stop|status}: the local Trino server; a subcommand is required. */
@Command(name = "trino", mixinStandardHelpOptions = true,
        subcommands = {TrinoCommand.Start.class, TrinoCommand.Stop.class, TrinoCommand.Status.class},
        description = {"Run the local Trino server that serves the warehouse (HTTPS on 127.0.0.1, passwords, read-only analysts).",
                "start installs Trino " + TrinoDistribution.VERSION
                        + " on first use (Maven Central, checksums verified), sets up certificate and passwords, and waits until it answers."})
final class TrinoCommand {

    /** The ports of a server: given, else those of its last start, else the defaults. */
    static final class Ports {

        @Option(names = "--port", description = "HTTPS port for clients. Default: the last one used, else " + TrinoConfig.DEFAULT_HTTPS_PORT + ".")
        Integer port;

        @Option(names = "--http-port", description = "Loopback HTTP port for the server itself. Default: the last one used, else "
                + TrinoConfig.DEFAULT_HTTP_PORT + ".")
        Integer httpPort;

        TrinoConfig apply(TrinoConfig config) {
            Arguments.require(port == null || (port > 0 && port < 65536), "--port: " + port + " is not a port (1-65535)");
            Arguments.require(httpPort == null || (httpPort > 0 && httpPort < 65536), "--http-port: " + httpPort + " is not a port (1-65535)");
            Arguments.require(port == null && httpPort == null || !java.util.Objects.equals(port == null ? config.httpsPort() : port,
                    httpPort == null ? config.httpPort() : httpPort), "--port and --http-port must differ");
            return config.withPorts(port, httpPort);
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Install on first use, set up, start and wait until the server answers; nothing to do when it runs.")
    static final class Start implements Callable<Integer> {

        private final Serving serving;

        @Mixin
        Ports ports;

        @Option(names = "--heap", description = "Server heap, e.g. 4G or 2048M. Default: " + TrinoConfig.DEFAULT_HEAP
                + " (a 2-core, 24 GiB machine shared with Spark).")
        String heap;

        Start(CliContext context) {
            this.serving = context.serving();
        }

        @Override
        public Integer call() {
            Arguments.require(heap == null || heap.matches("[1-9][0-9]*[KkMmGg]"), "--heap: '" + heap + "' is not a heap size (e.g. 4G, 2048M)");
            TrinoServer server = serving.server(ports.apply(serving.config()).withHeap(heap));
            boolean wasRunning = server.status().ready();
            TrinoCredentials credentials = server.start();
            System.out.println(wasRunning ? "Trino was already running at " + credentials.url() : "Trino is running at " + credentials.url());
            System.out.println("credentials: " + serving.credentialsFile().file() + " (bin/unionstats credentials)");
            return 0;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stop the server (SIGTERM, then SIGKILL after 60 s) and wait until no process is left; nothing to do when it is not running.")
    static final class Stop implements Callable<Integer> {

        private final Serving serving;

        /** Accepted as 'trino start' takes them; the server is found through its pid file whatever its ports. */
        @Mixin
        Ports ports;

        Stop(CliContext context) {
            this.serving = context.serving();
        }

        @Override
        public Integer call() {
            System.out.println(serving.server(ports.apply(serving.config())).stop() ? "Trino stopped" : "Trino was not running");
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Say whether the server runs and answers. Exit code 0 when it answers, 5 when it does not.")
    static final class Status implements Callable<Integer> {

        private final Serving serving;

        @Mixin
        Ports ports;

        Status(CliContext context) {
            this.serving = context.serving();
        }

        @Override
        public Integer call() {
            ServerStatus status = serving.server(ports.apply(serving.config())).status();
            System.out.println(status.describe());
            return status.ready() ? 0 : ExitCode.NOT_RUNNING.code();
        }
    }
}
