package org.unionstats.cli;

import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionstats.dashboards.DashboardDeployer;
import org.unionstats.dashboards.assets.AssetGenerator;
import org.unionstats.dashboards.superset.SupersetCredentials;
import org.unionstats.dashboards.superset.SupersetServer;
import org.unionstats.dashboards.superset.SupersetSettings;
import org.unionstats.environment.Environment;
import org.unionstats.errors.ExitCode;
import org.unionstats.errors.UnionStatsException;
import org.unionstats.serving.security.LocalCredentials;

/**
 * The local Superset and the dashboards kept as code, as the commands (superset, dashboards, demo)
 * share them: the server of the environment's state folder, deploying to it, generating and
 * checking {@code dashboards/assets/}. Built from the {@link CliContext}'s environment and Trino.
 */
public final class Dashboards {

    private static final Logger LOG = LoggerFactory.getLogger(Dashboards.class);

    private final Environment environment;
    private final Serving trino;

    public Dashboards(Environment environment, Serving trino) {
        this.environment = environment;
        this.trino = trino;
    }

    /** The local Superset; without a port, the one the credentials file names (the last start), else the default. */
    public SupersetServer server(Integer port) {
        SupersetSettings settings = SupersetSettings.of(environment);
        if (port == null) {
            port = new SupersetCredentials(new LocalCredentials(settings.credentialsFile())).port().orElse(null);
        }
        if (port != null) {
            settings = settings.withPort(port);
        }
        return new SupersetServer(settings, environment, LOG::info);
    }

    /** dashboards/ of the checkout: assets/ and access.yaml. */
    public Path folder() {
        return environment.root().resolve("dashboards");
    }

    /** Deploys to the running Superset, reading Trino's address and the analyst's password from the credentials file. */
    public DashboardDeployer.Result deploy() {
        SupersetServer superset = server(null);
        if (!superset.status().healthy()) {
            throw new UnionStatsException(ExitCode.FAILURE, "Superset is not running: start it with 'bin/unionstats superset start'");
        }
        return new DashboardDeployer(superset.credentials(), LOG::info).deploy(folder(), trino.credentialsFile().trino());
    }

    /** Rewrites dashboards/assets/ from the KPI catalogue; returns how many files changed. */
    public int generate() {
        return AssetGenerator.load().write(folder().resolve("assets"));
    }

    /** Where dashboards/assets/ and the catalogue disagree; empty when they agree. */
    public List<String> differences() {
        return AssetGenerator.load().differences(folder().resolve("assets"));
    }
}
