package org.unionstats.cli;

import org.unionstats.runs.PseudonymKeys;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionstats.ingest.IngestConfig;
import org.unionstats.ingest.IngestRunner;
import org.unionstats.ingest.IngestSummary;
import org.unionstats.regions.RegionDirectory;
import org.unionstats.samples.GeneratorConfig;
import org.unionstats.samples.SampleInboxGenerator;
import org.unionstats.samples.Scale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "The whole pipeline on the embedded default: generate a sample inbox, ingest it, compute KPIs, show the results, serve them through Trino.")
final class DemoCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCommand.class);

    @Option(names = "--dir", defaultValue = "demo", description = "Working folder (inbox/ and warehouse/ inside). Default: ${DEFAULT-VALUE}.")
    Path dir;

    @Option(names = "--scale", defaultValue = "small", description = "Sample scale: tiny, small, medium. Default: ${DEFAULT-VALUE}.")
    String scale;

    @Override
    public Integer call() throws Exception {
        Path inbox = dir.resolve("inbox");
        Path warehouse = dir.resolve("warehouse");
        if (!Files.exists(inbox.resolve("_generated.json"))) {
            LOG.info("generating a {} sample inbox in {}", scale, inbox);
            new SampleInboxGenerator(new GeneratorConfig(inbox, Scale.parse(scale), GeneratorConfig.DEFAULT_SEED,
                    GeneratorConfig.defaultPeriods(), GeneratorConfig.DEFAULT_MISTAKE_RATE, Optional.empty()),
                    RegionDirectory.loadDefault()).generate();
        }
        byte[] key = PseudonymKeys.load(null);
        IngestSummary summary = new IngestRunner(LOG::info)
                .run(new IngestConfig(inbox.toString(), warehouse.toString(), key, 1, List.of()));
        IngestCommand.print(summary);
        WarehouseOverview.print(warehouse);

        LOG.info("computing KPIs with Spark (local[*])");
        System.out.println();
        System.out.println("kpi: " + KpiCommand.run(warehouse.toString(), null, false, "local[*]", 15, "6g"));
        String scope = Scale.parse(scale).defaultRegionScope();
        String latest = GeneratorConfig.defaultPeriods().get(GeneratorConfig.defaultPeriods().size() - 1).canonical();
        System.out.println();
        new picocli.CommandLine(new KpisCommand()).execute("--warehouse", warehouse.toString(), "--org", scope, "--period", latest);
        System.out.println();
        new picocli.CommandLine(new ScorecardCommand()).execute("--warehouse", warehouse.toString(), "--city", "130300",
                "--period", latest);
        serve(warehouse, latest);
        showDashboards();
        return summary.reconciles() ? 0 : ClearErrors.FAILURE;
    }

    /** Ends with the warehouse served by the local Trino: published, the credentials and an example query shown. */
    private static void serve(Path warehouse, String latest) throws Exception {
        System.out.println();
        LOG.info("serving the warehouse through Trino (the first start installs it)");
        org.unionstats.serving.security.TrinoCredentials trino = Serving.server().start();
        System.out.println(Serving.publish(trino, warehouse.toAbsolutePath()).describe());
        System.out.println();
        CredentialsCommand.print(Serving.credentialsFile());
        String example = "SELECT county, round(value * 100, 1) AS growth_rate_pct FROM kpi_values WHERE city = '秦皇岛市' "
                + "AND org_level = 'county' AND kpi_id = 'members_growth_rate' AND period = '" + latest + "' ORDER BY value DESC";
        System.out.println();
        System.out.println("$ bin/unionstats query \"" + example + "\"");
        UnionStats.commandLine().execute("query", example);
        System.out.println("More: docs/analysts.md. Trino keeps running; 'bin/unionstats trino stop' stops it.");
    }

    /** Ends with the leaders' dashboards: Superset started, the dashboards deployed, where to open them and who can log in. */
    private static void showDashboards() {
        System.out.println();
        LOG.info("starting Superset and deploying the dashboards (the first start installs Superset)");
        org.unionstats.dashboards.superset.SupersetServer superset = SupersetCommand.server(null);
        superset.start();
        org.unionstats.dashboards.DashboardDeployer.Result deployed = DashboardsCommand.deploy();
        java.util.Map<String, String> users = superset.credentials().users();
        System.out.println("Dashboards (Superset " + org.unionstats.dashboards.superset.SupersetInstallation.VERSION + "): " + deployed.url()
                + "/superset/dashboard/overview/");
        users.forEach((user, password) -> System.out.println("  login " + user + " / " + password
                + (user.startsWith("leader_") ? "  (leader: sees only region " + user.substring("leader_".length()) + ")" : "  (admin)")));
        System.out.println("More: docs/dashboards.md. Superset keeps running; 'bin/unionstats superset stop' stops it.");
    }
}
