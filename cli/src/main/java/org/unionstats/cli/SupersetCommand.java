package org.unionstats.cli;

import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionstats.dashboards.superset.SupersetCredentials;
import org.unionstats.dashboards.superset.SupersetInstallation;
import org.unionstats.dashboards.superset.SupersetServer;
import org.unionstats.dashboards.superset.SupersetSettings;
import org.unionstats.environment.Environment;
import org.unionstats.serving.security.LocalCredentials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "superset", mixinStandardHelpOptions = true,
        description = {"Run the local Superset that shows the dashboards (http://127.0.0.1:8088, Chinese by default).",
                "start installs Superset " + SupersetInstallation.VERSION + " with the Trino driver into .cache/superset/venv on first use,",
                "bootstraps its metadata (SQLite in .local/superset/) and the admin user, and waits until /health answers."})
final class SupersetCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(SupersetCommand.class);

    @Parameters(index = "0", description = "start, stop or status")
    String action;

    @Option(names = "--port", description = "Port on 127.0.0.1. Default: the last one used, else " + SupersetSettings.DEFAULT_PORT + ".")
    Integer port;

    /** The local Superset; without a port, the one the credentials file names (the last start), else the default. */
    static SupersetServer server(Integer port) {
        Environment environment = Serving.environment();
        SupersetSettings settings = SupersetSettings.of(environment);
        if (port == null) {
            port = new SupersetCredentials(new LocalCredentials(settings.credentialsFile())).port().orElse(null);
        }
        if (port != null) {
            settings = settings.withPort(port);
        }
        return new SupersetServer(settings, environment, LOG::info);
    }

    @Override
    public Integer call() {
        SupersetServer server = server(port);
        switch (action) {
            case "start" -> {
                boolean wasRunning = server.status().healthy();
                SupersetServer.Status status = server.start();
                System.out.println((wasRunning ? "Superset was already running at " : "Superset is running at ") + status.url());
                System.out.println("admin login: " + SupersetCredentials.ADMIN + " (password: bin/unionstats credentials, or "
                        + server.settings().credentialsFile() + ")");
                return 0;
            }
            case "stop" -> {
                System.out.println(server.stop() ? "Superset stopped" : "Superset was not running");
                return 0;
            }
            case "status" -> {
                SupersetServer.Status status = server.status();
                System.out.println(status.running() ? "Superset is running at " + status.url() + " (pid " + status.pid() + ", "
                        + (status.healthy() ? "healthy" : "not answering /health yet") + ")" : "Superset is not running");
                return status.healthy() ? 0 : 3;
            }
            default -> throw new IllegalArgumentException("unknown action '" + action + "'; try: start, stop, status");
        }
    }
}
