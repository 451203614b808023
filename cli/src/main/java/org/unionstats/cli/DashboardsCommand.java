package org.unionstats.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionstats.dashboards.DashboardDeployer;
import org.unionstats.dashboards.assets.AssetGenerator;
import org.unionstats.dashboards.assets.LeaderDashboards;
import org.unionstats.dashboards.superset.SupersetServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "dashboards", mixinStandardHelpOptions = true,
        description = {"The Superset dashboards kept as code in dashboards/.",
                "deploy: import dashboards/assets/ into the running Superset through its REST API and apply dashboards/access.yaml",
                "        (leader role, row-level security per region, users); safe to repeat.",
                "generate: rewrite dashboards/assets/ from the KPI catalogue (schemas/kpis/) and the dashboard definitions.",
                "check: exit 1 when dashboards/assets/ and the catalogue disagree."})
final class DashboardsCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardsCommand.class);

    @Parameters(index = "0", description = "deploy, generate or check")
    String action;

    static Path root() {
        return Serving.environment().root();
    }

    @Override
    public Integer call() {
        Path dashboards = root().resolve("dashboards");
        switch (action) {
            case "deploy" -> {
                DashboardDeployer.Result result = deploy();
                System.out.println("deployed " + result.files() + " asset files to " + result.url() + " (" + result.accessChanges()
                        + " role, rule or user change(s))");
                for (String slug : List.of(LeaderDashboards.OVERVIEW, LeaderDashboards.CITY, LeaderDashboards.SCORECARD, LeaderDashboards.DATA_QUALITY)) {
                    System.out.println("  " + result.url() + "/superset/dashboard/" + slug + "/");
                }
                return 0;
            }
            case "generate" -> {
                int changed = AssetGenerator.load().write(dashboards.resolve("assets"));
                System.out.println(changed == 0 ? "dashboards/assets/ is up to date" : "rewrote " + changed + " file(s) in dashboards/assets/");
                return 0;
            }
            case "check" -> {
                List<String> differences = AssetGenerator.load().differences(dashboards.resolve("assets"));
                differences.forEach(d -> System.out.println("  " + d));
                System.out.println(differences.isEmpty() ? "dashboards/assets/ matches the catalogue"
                        : differences.size() + " difference(s): run 'bin/unionstats dashboards generate'");
                return differences.isEmpty() ? 0 : ClearErrors.FAILURE;
            }
            default -> throw new IllegalArgumentException("unknown action '" + action + "'; try: deploy, generate, check");
        }
    }

    /** Deploys to the running Superset, reading Trino's address and the analyst's password from the credentials file. */
    static DashboardDeployer.Result deploy() {
        SupersetServer superset = SupersetCommand.server(null);
        if (!superset.status().healthy()) {
            throw new IllegalStateException("Superset is not running: start it with 'bin/unionstats superset start'");
        }
        return new DashboardDeployer(superset.credentials(), LOG::info).deploy(root().resolve("dashboards"), Serving.credentialsFile().trino());
    }
}
