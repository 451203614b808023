package org.unionstats.dashboards.superset;

import java.nio.file.Path;

/**
 * Where the local Superset lives and how it serves.
 *
 * @param repository the checkout (superset_config.py and dashboards/ are read from it)
 * @param stateFolder the git-ignored local state folder (.local/): credentials.json, superset/ with the metadata database, logs, pid
 * @param cacheFolder the git-ignored cache folder (.cache/): the virtualenv
 * @param port the port Superset serves on (127.0.0.1 only)
 * @param workers gunicorn worker processes
 */
public record SupersetSettings(Path repository, Path stateFolder, Path cacheFolder, int port, int workers) {

    public static final int DEFAULT_PORT = 8088;

    public static SupersetSettings defaults(Path repository, Path stateFolder) {
        return new SupersetSettings(repository.toAbsolutePath().normalize(), stateFolder.toAbsolutePath().normalize(),
                repository.toAbsolutePath().normalize().resolve(".cache"), DEFAULT_PORT, 2);
    }

    public SupersetSettings withPort(int newPort) {
        return new SupersetSettings(repository, stateFolder, cacheFolder, newPort, workers);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Path home() {
        return stateFolder.resolve("superset");
    }

    public Path configFile() {
        return repository.resolve("dashboards/superset/superset_config.py");
    }

    public Path constraintsFile() {
        return repository.resolve("dashboards/superset/constraints.txt");
    }

    public Path credentialsFile() {
        return stateFolder.resolve("credentials.json");
    }

    public Path pidFile() {
        return home().resolve("gunicorn.pid");
    }

    public Path serverLog() {
        return home().resolve("superset.log");
    }

    public Path dashboardsFolder() {
        return repository.resolve("dashboards");
    }
}
