package org.unionstats.runs;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The options {@code run} and {@code backfill} share. */
public final class RunOptions {

    @Option(names = "--inbox", required = true, description = "Batch root: <submitter>/<period>/<file>.")
    public String inbox;

    @Option(names = "--warehouse", required = true, description = "Warehouse root (a local folder).")
    public String warehouse;

    @Option(names = "--period", description = "Only submissions of this period (2024Q3, 2024-07, 2024H1, 2024).")
    public String period;

    @Option(names = "--from", description = "First period of a range (with --to).")
    public String from;

    @Option(names = "--to", description = "Last period of a range (with --from).")
    public String to;

    @Option(names = "--master", defaultValue = "local[*]", description = "Spark master for the KPI job. Default: ${DEFAULT-VALUE}.")
    public String master;

    @Option(names = "--kpi-heap", defaultValue = "6g", description = "Heap of the KPI job's JVM. Default: ${DEFAULT-VALUE}.")
    public String kpiHeap;

    @Option(names = "--deadline-days", defaultValue = "15", description = "Days after a period's end a submission is on time. Default: ${DEFAULT-VALUE}.")
    public int deadlineDays;

    @Option(names = "--max-quarantine-share", description = {"Data-quality gate: refuse the run (exit code 3, no KPIs, no publishing)",
            "when a county's quarantined rows exceed this share of its rows read in a period, e.g. 0.2. Default: off."})
    public Double maxQuarantineShare;

    @Option(names = "--gate-min-rows", defaultValue = "20", description = "Counties with fewer rows read in a period are not judged by the gate. Default: ${DEFAULT-VALUE}.")
    public long gateMinRows;

    @Option(names = "--wait", arity = "0..1", fallbackValue = "1h", paramLabel = "DURATION",
            description = "When another run holds the warehouse, wait for it (default 1h; e.g. 90s, 10m, 2h) instead of refusing (exit code 4).")
    public String waitFor;

    @Option(names = "--log-format", defaultValue = "auto", description = "text, json (one JSON object per log line) or auto: json when not on a terminal. Default: ${DEFAULT-VALUE}.")
    public String logFormat;

    @Option(names = "--lineage-url", description = "Send OpenLineage run events to this endpoint (e.g. http://localhost:5000). Env: UNIONSTATS_LINEAGE_URL.")
    public URI lineageUrl;

    @Option(names = "--lineage-file", description = "Append OpenLineage run events as JSON lines to this file. Env: UNIONSTATS_LINEAGE_FILE.")
    public Path lineageFile;

    @Option(names = "--lineage-namespace", defaultValue = "unionstats", description = "OpenLineage job namespace. Default: ${DEFAULT-VALUE}.")
    public String lineageNamespace;

    @Option(names = "--stages", defaultValue = "ingest,kpi,publish", split = ",",
            description = {"Which stages to run: ingest, kpi, publish (a scheduler can give each its own task). The data-quality",
                    "gate is checked by every stage. Default: ${DEFAULT-VALUE}."})
    public java.util.List<String> stages;

    @Option(names = "--pseudonym-key-file", description = "HMAC key file (base64); env UNIONSTATS_PSEUDONYM_KEY wins.")
    public Path keyFile;

    public PeriodSelection selection() {
        return PeriodSelection.of(period, from, to);
    }

    public java.util.Set<RunPipeline.Stage> stageSet() {
        java.util.Set<RunPipeline.Stage> set = java.util.EnumSet.noneOf(RunPipeline.Stage.class);
        for (String s : stages) {
            set.add(RunPipeline.Stage.parse(s));
        }
        return set;
    }

    public QualityGate gate() {
        return new QualityGate(maxQuarantineShare, gateMinRows);
    }

    public KpiStep kpi() {
        return new KpiStep(master, kpiHeap, deadlineDays);
    }

    public Duration waitDuration() {
        return waitFor == null ? Duration.ZERO : parseDuration(waitFor);
    }

    public LogFormat format() {
        return LogFormat.parse(logFormat);
    }

    /** Where lineage events go: the options, else the environment, else nowhere. */
    public LineageEvents lineage() {
        URI url = lineageUrl;
        Path file = lineageFile;
        if (url == null && file == null) {
            String envUrl = System.getenv("UNIONSTATS_LINEAGE_URL");
            String envFile = System.getenv("UNIONSTATS_LINEAGE_FILE");
            url = envUrl == null || envUrl.isBlank() ? null : URI.create(envUrl.strip());
            file = envFile == null || envFile.isBlank() ? null : Path.of(envFile.strip());
        }
        if (url != null && file != null) {
            throw new IllegalArgumentException("give either --lineage-url or --lineage-file, not both");
        }
        if (url != null) {
            return OpenLineageEvents.http(url, lineageNamespace);
        }
        return file != null ? OpenLineageEvents.file(file, lineageNamespace) : LineageEvents.NONE;
    }

    /** {@code 90s}, {@code 10m}, {@code 2h}, or plain seconds. */
    static Duration parseDuration(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            char unit = t.charAt(t.length() - 1);
            if (Character.isDigit(unit)) {
                return Duration.ofSeconds(Long.parseLong(t));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (unit) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> throw new NumberFormatException();
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--wait: '" + text + "' is not a duration (e.g. 90s, 10m, 2h)");
        }
    }
}
