package org.unionstats.cli.runs;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.unionstats.cli.Arguments;
import org.unionstats.cli.CliContext;
import org.unionstats.cli.ingest.IngestLimitOptions;
import org.unionstats.cli.kpi.ReportingOptions;
import org.unionstats.environment.Environment;
import org.unionstats.errors.UnionStatsException;
import org.unionstats.letters.delivery.DeliveryConfig;
import org.unionstats.regions.RegionDirectory;
import org.unionstats.runs.DeliveryStep;
import org.unionstats.runs.KpiStep;
import org.unionstats.runs.LineageTarget;
import org.unionstats.runs.LogFormat;
import org.unionstats.runs.PeriodSelection;
import org.unionstats.runs.QualityGate;
import org.unionstats.runs.RunPipeline.Stage;
import org.unionstats.runs.RunSettings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options {@code run} and {@code backfill} share, read into {@link RunSettings}. */
public final class RunOptions {

    /** Environment variables naming a lineage target when no option does. */
    static final String LINEAGE_URL_VARIABLE = "UNIONSTATS_LINEAGE_URL";
    static final String LINEAGE_FILE_VARIABLE = "UNIONSTATS_LINEAGE_FILE";

    @Option(names = "--inbox", required = true, description = "Batch root: <submitter>/<period>/<file>.")
    String inbox;

    @Option(names = "--warehouse", required = true, description = "Warehouse root (a local folder).")
    String warehouse;

    @Option(names = "--period", description = "Only submissions of this period (2024Q3, 2024-07, 2024H1, 2024).")
    String period;

    @Option(names = "--from", description = "First period of a range (with --to).")
    String from;

    @Option(names = "--to", description = "Last period of a range (with --from).")
    String to;

    @Option(names = "--master", defaultValue = Environment.LOCAL_SPARK_MASTER, description = "Spark master for the KPI job. Default: ${DEFAULT-VALUE}.")
    String master;

    @Option(names = "--kpi-heap", defaultValue = Environment.JOB_HEAP, description = "Heap of the KPI job's JVM. Default: ${DEFAULT-VALUE}.")
    String kpiHeap;

    @Mixin
    ReportingOptions reporting;

    @Option(names = "--max-quarantine-share", description = {"Data-quality gate: refuse the run (exit code 3, no KPIs, no publishing)",
            "when a county's quarantined rows exceed this share of its rows read in a period, e.g. 0.2. Default: off."})
    Double maxQuarantineShare;

    @Option(names = "--gate-min-rows", defaultValue = "20", description = "Counties with fewer rows read in a period are not judged by the gate. Default: ${DEFAULT-VALUE}.")
    long gateMinRows;

    @Option(names = "--wait", arity = "0..1", fallbackValue = "1h", paramLabel = "DURATION",
            description = "When another run holds the warehouse, wait for it (default 1h; e.g. 90s, 10m, 2h) instead of refusing (exit code 4).")
    String waitFor;

    @Option(names = "--log-format", defaultValue = "auto", description = "text, json (one JSON object per log line) or auto: json when not on a terminal. Default: ${DEFAULT-VALUE}.")
    String logFormat;

    @Option(names = "--lineage-url", description = "Send OpenLineage run events to this endpoint (e.g. http://localhost:5000). Env: "
            + LINEAGE_URL_VARIABLE + ".")
    URI lineageUrl;

    @Option(names = "--lineage-file", description = "Append OpenLineage run events as JSON lines to this file. Env: "
            + LINEAGE_FILE_VARIABLE + ".")
    Path lineageFile;

    @Option(names = "--lineage-namespace", defaultValue = "unionstats", description = "OpenLineage job namespace. Default: ${DEFAULT-VALUE}.")
    String lineageNamespace;

    @Option(names = "--stages", defaultValue = "ingest,kpi,publish", split = ",",
            description = {"Which stages to run: ingest, kpi, publish (a scheduler can give each its own task). The data-quality",
                    "gate is checked by every stage. Default: ${DEFAULT-VALUE}."})
    List<String> stages;

    @Option(names = "--pseudonym-key-file", description = "HMAC key file (base64); env UNIONSTATS_PSEUDONYM_KEY wins.")
    Path keyFile;

    /** Whether the options name a range and no single period, as a backfill needs. */
    boolean isRange() {
        return from != null && to != null && period == null;
    }

    @Option(names = "--outbox", description = "Where a run that writes a quarter's KPIs delivers that quarter's guidance letters:"
            + " <outbox>/<city code>/<quarter>/. Default: a folder outbox beside the warehouse.")
    Path outbox;

    @Option(names = "--delivery-config", description = "Delivery file (YAML, docs/letters.md): the cities, their counties' addresses and"
            + " the SMTP server the letters are mailed through. Without it the letters of every city with KPIs go to the outbox only.")
    Path deliveryConfig;

    /** The settings of a run; a value that cannot be read is a bad argument (exit 2). */
    @Mixin
    IngestLimitOptions limits = new IngestLimitOptions();

    RunSettings settings(CliContext context, List<String> beamArgs) {
        Path root = RunSettings.localWarehouse(warehouse);
        PeriodSelection selection = Arguments.parse(() -> PeriodSelection.of(period, from, to));
        LogFormat format = Arguments.parse(() -> LogFormat.parse(logFormat)).resolve(context.terminal());
        QualityGate gate = Arguments.parse(() -> new QualityGate(maxQuarantineShare, gateMinRows));
        Set<Stage> stageSet = EnumSet.noneOf(Stage.class);
        for (String s : stages) {
            stageSet.add(Arguments.parse(() -> Stage.parse(s)));
        }
        Duration wait = waitFor == null ? Duration.ZERO : parseDuration(waitFor);
        LineageTarget lineage = Arguments.parse(() -> lineage(context.environment()));
        DeliveryConfig delivery = deliveryConfig == null ? DeliveryConfig.outboxOnly() : DeliveryConfig.load(deliveryConfig, RegionDirectory.loadDefault());
        // An SMTP password variable that is not set stops the run before it starts, not after the KPIs.
        delivery.smtp().ifPresent(smtp -> smtp.password(context.environment().variables()));
        return new RunSettings(inbox, root, selection, stageSet, beamArgs, limits.limits(), context.pseudonymKey(keyFile), gate,
                new KpiStep(master, kpiHeap, reporting.rules()), wait, format, format == LogFormat.TEXT && context.terminal(), lineage,
                new DeliveryStep(outbox == null ? DeliveryStep.defaultOutbox(root) : outbox, delivery));
    }

    /** Where lineage events go: the options, else the environment, else nowhere. */
    private LineageTarget lineage(Environment environment) {
        URI url = lineageUrl;
        Path file = lineageFile;
        if (url == null && file == null) {
            url = environment.variable(LINEAGE_URL_VARIABLE).map(v -> URI.create(v.strip())).orElse(null);
            file = environment.variable(LINEAGE_FILE_VARIABLE).map(v -> Path.of(v.strip())).orElse(null);
        }
        return new LineageTarget(url, file, lineageNamespace);
    }

    private static final java.util.regex.Pattern DURATION = java.util.regex.Pattern.compile("([0-9]{1,12})(ms|s|m|h)?");

    /** {@code 90s}, {@code 10m}, {@code 2h}, or plain seconds; anything else is a bad argument. */
    static Duration parseDuration(String text) {
        java.util.regex.Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw UnionStatsException.badArguments("--wait: '" + text + "' is not a duration (e.g. 90s, 10m, 2h)");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
