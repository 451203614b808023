package org.unionstats.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.unionstats.dashboards.DashboardDeployer;
import org.unionstats.dashboards.assets.LeaderDashboards;
import org.unionstats.errors.ExitCode;
import picocli.CommandLine.Command;

/** {@code dashboards deploy|generate|check}: the Superset dashboards kept as code; a subcommand is required. */
@Command(name = "dashboards", mixinStandardHelpOptions = true,
        subcommands = {DashboardsCommand.Deploy.class, DashboardsCommand.Generate.class, DashboardsCommand.Check.class},
        description = "The Superset dashboards kept as code in dashboards/.")
final class DashboardsCommand {

    @Command(name = "deploy", mixinStandardHelpOptions = true,
            description = {"Import dashboards/assets/ into the running Superset through its REST API and apply dashboards/access.yaml",
                    "(leader role, row-level security per region, users); safe to repeat."})
    static final class Deploy implements Callable<Integer> {

        private final Dashboards dashboards;

        Deploy(CliContext context) {
            this.dashboards = context.dashboards();
        }

        @Override
        public Integer call() {
            DashboardDeployer.Result result = dashboards.deploy();
            System.out.println("deployed " + result.files() + " asset files to " + result.url() + " (" + result.accessChanges()
                    + " role, rule or user change(s))");
            for (String slug : List.of(LeaderDashboards.OVERVIEW, LeaderDashboards.CITY, LeaderDashboards.SCORECARD, LeaderDashboards.DATA_QUALITY)) {
                System.out.println("  " + result.url() + "/superset/dashboard/" + slug + "/");
            }
            return 0;
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Rewrite dashboards/assets/ from the KPI catalogue (schemas/kpis/) and the dashboard definitions.")
    static final class Generate implements Callable<Integer> {

        private final Dashboards dashboards;

        Generate(CliContext context) {
            this.dashboards = context.dashboards();
        }

        @Override
        public Integer call() {
            int changed = dashboards.generate();
            System.out.println(changed == 0 ? "dashboards/assets/ is up to date" : "rewrote " + changed + " file(s) in dashboards/assets/");
            return 0;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Exit 1 when dashboards/assets/ and the catalogue disagree.")
    static final class Check implements Callable<Integer> {

        private final Dashboards dashboards;

        Check(CliContext context) {
            this.dashboards = context.dashboards();
        }

        @Override
        public Integer call() {
            List<String> differences = dashboards.differences();
            differences.forEach(d -> System.out.println("  " + d));
            System.out.println(differences.isEmpty() ? "dashboards/assets/ matches the catalogue"
                    : differences.size() + " difference(s): run 'bin/unionstats dashboards generate'");
            return differences.isEmpty() ? 0 : ExitCode.FAILURE.code();
        }
    }
}
