package org.unionstats.dashboards.superset;

import java.nio.file.Path;
import org.unionstats.environment.Environment;
import org.unionstats.serving.server.TrinoConfig;
import org.unionstats.warehouse.WarehouseLayout;

/**
 * Where the local Superset lives and how it serves, built once from the command line's environment
 * and options. The defaults are here and nowhere else.
 *
 * @param repository the checkout (superset_config.py and dashboards/ are read from it)
 * @param stateFolder the git-ignored local state folder (.local/): credentials.json, superset/ with the metadata database, logs, pid
 * @param cacheFolder the git-ignored cache folder (.cache/): the virtualenv
 * @param port the port Superset serves on (127.0.0.1 only)
 * @param workers gunicorn worker processes
 */
public record SupersetSettings(Path repository, Path stateFolder, Path cacheFolder, int port, int workers) {

    public static final int DEFAULT_PORT = 8088;
    /** gunicorn workers: enough for a few leaders on a 2-core machine that also runs Trino. */
    public static final int DEFAULT_WORKERS = 2;

    public SupersetSettings {
        repository = repository.toAbsolutePath().normalize();
        stateFolder = stateFolder.toAbsolutePath().normalize();
        cacheFolder = cacheFolder.toAbsolutePath().normalize();
    }

    /** The environment's Superset: its checkout, its state folder and its cache, the default port and workers. */
    public static SupersetSettings of(Environment environment) {
        return new SupersetSettings(environment.root(), environment.home(), environment.cache(), DEFAULT_PORT, DEFAULT_WORKERS);
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

    /**
     * The letter archives of the warehouses the local Trino serves (each published warehouse is linked into its file
     * system): a glob Superset serves the issued letters' PDFs from.
     */
    public String letterArchives() {
        Path served = new TrinoConfig(stateFolder, cacheFolder, TrinoConfig.DEFAULT_HTTPS_PORT, TrinoConfig.DEFAULT_HTTP_PORT,
                TrinoConfig.DEFAULT_HEAP).warehousesFolder();
        return served.resolve("*").resolve(WarehouseLayout.LETTER_ARCHIVE).toString();
    }

    public Path dashboardsFolder() {
        return repository.resolve("dashboards");
    }
}
