package org.unionstats.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionstats.cli.ingest.IngestReport;
import org.unionstats.cli.ingest.IngestService;
import org.unionstats.cli.ingest.WarehouseOverview;
import org.unionstats.cli.kpi.KpiValues;
import org.unionstats.cli.kpi.Scorecard;
import org.unionstats.cli.letters.LetterCommand;
import org.unionstats.cli.samples.SampleInboxes;
import org.unionstats.dashboards.DashboardDeployer;
import org.unionstats.dashboards.superset.SupersetInstallation;
import org.unionstats.dashboards.superset.SupersetServer;
import org.unionstats.environment.Environment;
import org.unionstats.errors.ExitCode;
import org.unionstats.ingest.IngestConfig;
import org.unionstats.ingest.IngestSummary;
import org.unionstats.ingest.plan.ArrivalLog;
import org.unionstats.kpis.ReportingRules;
import org.unionstats.letters.CityLetters;
import org.unionstats.letters.Issuing;
import org.unionstats.letters.LetterFormat;
import org.unionstats.letters.LetterRequest;
import org.unionstats.regions.RegionDirectory;
import org.unionstats.runs.KpiJobRequest;
import org.unionstats.samples.GenerationSummary;
import org.unionstats.samples.GeneratorConfig;
import org.unionstats.samples.Scale;
import org.unionstats.serving.query.ResultFormat;
import org.unionstats.serving.security.TrinoCredentials;
import org.unionstats.serving.security.TrinoUsers;
import org.unionstats.warehouse.WarehouseLayout;
import org.unionstats.warehouse.tables.TableCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "The whole pipeline on the embedded default: generate a sample inbox, ingest it, compute KPIs, show the results, serve them through Trino.")
final class DemoCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoCommand.class);

    /** The city whose county scorecard the demo shows (秦皇岛市, in every sample scale). */
    private static final String SCORECARD_CITY = "130300";

    /** Rows the example query may print. */
    private static final int EXAMPLE_ROWS = 10_000;

    private final CliContext context;

    @Option(names = "--dir", defaultValue = "demo", description = "Working folder (inbox/ and warehouse/ inside). Default: ${DEFAULT-VALUE}.")
    Path dir;

    @Option(names = "--scale", defaultValue = "small", description = "Sample scale: tiny, small, medium. Default: ${DEFAULT-VALUE}.")
    String scale;

    DemoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Scale sample = Arguments.parse(() -> Scale.parse(scale));
        Path inbox = dir.resolve("inbox");
        Path warehouse = dir.resolve("warehouse");
        if (!SampleInboxes.isGenerated(inbox)) {
            LOG.info("generating a {} sample inbox in {}", scale, inbox);
            SampleInboxes.withDefaultRegions().generate(new GeneratorConfig(inbox, sample, GeneratorConfig.DEFAULT_SEED,
                    GeneratorConfig.defaultPeriods(), GeneratorConfig.DEFAULT_MISTAKE_RATE, Optional.empty()));
        }
        IngestConfig ingest = IngestService.config(inbox.toString(), warehouse.toString(), context.pseudonymKey(null), 1, List.of());
        // The sample is an archive of two years of submissions: its arrival log gives each file's receipt time.
        Path arrivals = inbox.resolve(GenerationSummary.ARRIVALS_FILE_NAME);
        if (Files.isRegularFile(arrivals)) {
            ingest = ingest.withArrivals(ArrivalLog.read(arrivals));
        }
        IngestSummary summary = new IngestService(LOG::info).run(ingest);
        IngestReport.print(summary, System.out);
        WarehouseLayout layout = WarehouseLayout.of(warehouse);
        WarehouseOverview.print(layout, System.out);

        LOG.info("computing KPIs with Spark ({})", Environment.LOCAL_SPARK_MASTER);
        System.out.println();
        // The sample's region owes the reports: its silent units show as missing, the rest of the country does not.
        String scope = sample.defaultRegionScope();
        ReportingRules reporting = new ReportingRules(ReportingRules.DEFAULT_DEADLINE_DAYS, List.of(scope));
        System.out.println("kpi: " + context.kpiJob().run(KpiJobRequest.incremental(warehouse.toString(), Environment.LOCAL_SPARK_MASTER,
                reporting, Environment.JOB_HEAP)));
        List<org.unionstats.period.Period> periods = GeneratorConfig.defaultPeriods();
        String latest = periods.get(periods.size() - 1).canonical();
        System.out.println();
        KpiValues.read(layout, scope, latest).print(System.out);
        System.out.println();
        Scorecard.read(layout, SCORECARD_CITY, latest).print(System.out);
        issueLetters(warehouse, latest);
        serve(warehouse, latest);
        showDashboards();
        return summary.reconciles() ? 0 : ExitCode.FAILURE.code();
    }

    /** The city's letters of the latest quarter issued, so the 县区季度指导书 dashboard lists them with their PDFs. */
    private void issueLetters(Path warehouse, String latest) {
        Path out = dir.resolve("letters");
        List<Path> files = new CityLetters(RegionDirectory.loadDefault(), TableCatalog.load()).write(new LetterRequest(warehouse,
                SCORECARD_CITY, latest, LetterFormat.PDF, out, LocalDate.now(LetterCommand.SIGNED_IN), Issuing.ISSUE));
        System.out.println();
        System.out.println("letter --issue: " + files.size() + " guidance letter(s) of " + SCORECARD_CITY + ", " + latest + ", in " + out);
    }

    /** Ends with the warehouse served by the local Trino: published, the credentials and an example query shown. */
    private void serve(Path warehouse, String latest) throws Exception {
        Serving serving = context.serving();
        System.out.println();
        LOG.info("serving the warehouse through Trino (the first start installs it)");
        TrinoCredentials trino = serving.server().start();
        System.out.println(serving.publish(trino, warehouse.toAbsolutePath()).describe());
        System.out.println();
        serving.printCredentials(System.out);
        String example = "SELECT county, round(value * 100, 1) AS growth_rate_pct FROM kpi_values WHERE city = '秦皇岛市' "
                + "AND org_level = 'county' AND kpi_id = 'members_growth_rate' AND period = '" + latest + "' ORDER BY value DESC";
        System.out.println();
        System.out.println("$ bin/unionstats query \"" + example + "\"");
        exampleQuery(serving, example);
        System.out.println("More: docs/analysts.md. Trino keeps running; 'bin/unionstats trino stop' stops it.");
    }

    /** What 'bin/unionstats query' prints for the example; a failure is told and the demo goes on. */
    private static void exampleQuery(Serving serving, String sql) {
        try {
            System.out.print(ResultFormat.table(serving.query(TrinoUsers.ANALYST, sql, EXAMPLE_ROWS)));
        } catch (Exception e) {
            System.err.println("unionstats query failed: " + e.getMessage());
        }
    }

    /** Ends with the leaders' dashboards: Superset started, the dashboards deployed, where to open them and who can log in. */
    private void showDashboards() {
        Dashboards dashboards = context.dashboards();
        System.out.println();
        LOG.info("starting Superset and deploying the dashboards (the first start installs Superset)");
        SupersetServer superset = dashboards.server(null);
        superset.start();
        DashboardDeployer.Result deployed = dashboards.deploy();
        Map<String, String> users = superset.credentials().users();
        System.out.println("Dashboards (Superset " + SupersetInstallation.VERSION + "): " + deployed.url() + "/superset/dashboard/overview/");
        users.forEach((user, password) -> System.out.println("  login " + user + " / " + password
                + (user.startsWith("leader_") ? "  (leader: sees only region " + user.substring("leader_".length()) + ")" : "  (admin)")));
        System.out.println("More: docs/dashboards.md. Superset keeps running; 'bin/unionstats superset stop' stops it.");
    }
}
