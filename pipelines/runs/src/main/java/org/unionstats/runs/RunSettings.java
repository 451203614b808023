package org.unionstats.runs;

import org.unionstats.ingest.IngestLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.unionstats.errors.UnionStatsException;
import org.unionstats.runs.RunPipeline.Stage;

/**
 * Everything {@code run} and {@code backfill} need, read from the command line once (the CLI's
 * {@code RunOptions}); immutable.
 *
 * @param inbox the batch root: {@code <submitter>/<period>/<file>}
 * @param warehouse the warehouse root, a local folder (its lock, history and KPI state are files)
 * @param stages the stages to run (a scheduler may give each its own task)
 * @param beamArgs pipeline options passed through to the ingest's Beam pipeline
 * @param limits how much one submitted file may ask of the ingest
 * @param lockWait how long to wait while another run holds the warehouse (zero: refuse at once)
 * @param logFormat text or json, resolved ({@link LogFormat#resolve})
 * @param liveProgress rewrite one status line with the counts (text logs on a terminal)
 * @param delivery where a run that writes a quarter's KPIs delivers that quarter's guidance letters
 */
public record RunSettings(String inbox, Path warehouse, PeriodSelection selection, Set<Stage> stages, List<String> beamArgs,
        IngestLimits limits, byte[] pseudonymKey, QualityGate gate, KpiStep kpi, Duration lockWait, LogFormat logFormat, boolean liveProgress,
        LineageTarget lineage, DeliveryStep delivery) {

    public RunSettings {
        warehouse = warehouse.toAbsolutePath().normalize();
        beamArgs = List.copyOf(beamArgs);
        limits = limits == null ? IngestLimits.defaults() : limits;
        for (String arg : beamArgs) {
            if (!arg.startsWith("--")) {
                throw UnionStatsException.badArguments("unexpected argument '" + arg + "' (Beam options look like --name=value)");
            }
        }
        if (stages.isEmpty()) {
            throw UnionStatsException.badArguments("--stages: name at least one of ingest, kpi, publish");
        }
        stages = Set.copyOf(EnumSet.copyOf(stages));
        pseudonymKey = pseudonymKey.clone();
        if (logFormat == LogFormat.AUTO) {
            throw new IllegalArgumentException("resolve the log format first (text or json)");
        }
    }

    /** The warehouse given on the command line, which must be a local folder. */
    public static Path localWarehouse(String location) {
        if (location.contains("://")) {
            throw UnionStatsException.badArguments("run and backfill need a local warehouse folder (its lock, history and KPI state are"
                    + " files); on object storage schedule ingest and kpi as separate steps");
        }
        return Path.of(location);
    }

    @Override
    public byte[] pseudonymKey() {
        return pseudonymKey.clone();
    }

    /** JSON log lines: the KPI job's own log is passed on as log lines of the run. */
    public boolean structuredLog() {
        return logFormat == LogFormat.JSON;
    }
}
