package org.unionstats.cli;

import java.util.concurrent.Callable;
import org.unionstats.dashboards.superset.SupersetCredentials;
import org.unionstats.dashboards.superset.SupersetInstallation;
import org.unionstats.dashboards.superset.SupersetServer;
import org.unionstats.dashboards.superset.SupersetSettings;
import org.unionstats.errors.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code superset start|stop|status}: the local Superset; a subcommand is required. */
@Command(name = "superset", mixinStandardHelpOptions = true,
        subcommands = {SupersetCommand.Start.class, SupersetCommand.Stop.class, SupersetCommand.Status.class},
        description = {"Run the local Superset that shows the dashboards (http://127.0.0.1:8088, Chinese by default).",
                "start installs Superset " + SupersetInstallation.VERSION + " with the Trino driver into .cache/superset/venv on first use,",
                "bootstraps its metadata (SQLite in .local/superset/) and the admin user, and waits until /health answers."})
final class SupersetCommand {

    /** The port: given, else the last one used, else the default. */
    static final class Port {

        @Option(names = "--port", description = "Port on 127.0.0.1. Default: the last one used, else " + SupersetSettings.DEFAULT_PORT + ".")
        Integer port;

        Integer value() {
            Arguments.require(port == null || (port > 0 && port < 65536), "--port: " + port + " is not a port (1-65535)");
            return port;
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Install on first use, bootstrap, serve on 127.0.0.1 and wait until /health answers; nothing to do when it runs.")
    static final class Start implements Callable<Integer> {

        private final Dashboards dashboards;

        @Mixin
        Port port;

        Start(CliContext context) {
            this.dashboards = context.dashboards();
        }

        @Override
        public Integer call() {
            SupersetServer server = dashboards.server(port.value());
            boolean wasRunning = server.status().healthy();
            SupersetServer.Status status = server.start();
            System.out.println((wasRunning ? "Superset was already running at " : "Superset is running at ") + status.url());
            System.out.println("admin login: " + SupersetCredentials.ADMIN + " (password: bin/unionstats credentials, or "
                    + server.settings().credentialsFile() + ")");
            return 0;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stop Superset (gunicorn and its workers) and wait until no process is left; nothing to do when it is not running.")
    static final class Stop implements Callable<Integer> {

        private final Dashboards dashboards;

        /** Accepted as 'superset start' takes it; the server is found through its pid file whatever its port. */
        @Mixin
        Port port;

        Stop(CliContext context) {
            this.dashboards = context.dashboards();
        }

        @Override
        public Integer call() {
            System.out.println(dashboards.server(port.value()).stop() ? "Superset stopped" : "Superset was not running");
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Say whether Superset runs and answers /health. Exit code 0 when it does, 5 when it does not.")
    static final class Status implements Callable<Integer> {

        private final Dashboards dashboards;

        @Mixin
        Port port;

        Status(CliContext context) {
            this.dashboards = context.dashboards();
        }

        @Override
        public Integer call() {
            SupersetServer.Status status = dashboards.server(port.value()).status();
            System.out.println(status.running() ? "Superset is running at " + status.url() + " (pid " + status.pid() + ", "
                    + (status.healthy() ? "healthy" : "not answering /health yet") + ")" : "Superset is not running");
            return status.healthy() ? 0 : ExitCode.NOT_RUNNING.code();
        }
    }
}
