package org.unionstats.ingest;

import java.util.List;
import org.unionstats.ingest.plan.ArrivalLog;
import org.unionstats.period.Period;

/**
 * Everything an ingest run needs, built once from the command line.
 *
 * @param inbox the batch root: {@code <submitter>/<period>/<file>} below it; a local path or URI
 * @param warehouse the warehouse root
 * @param pseudonymKey the HMAC key for personal ids; never stored in the warehouse
 * @param shardsPerPartition Parquet files per table partition written by one run
 * @param beamArgs pipeline options passed through to Beam ({@code --runner=FlinkRunner}, ...)
 * @param from with {@code to}: only submissions whose period lies within from..to are ingested; null = every period
 * @param limits how much one file may ask of the run (sizes, rows, columns, time); see {@link IngestLimits#defaults()}
 * @param arrivals when the files of an archive were received ({@link ArrivalLog#NONE}: when this run first sees them)
 */
public record IngestConfig(String inbox, String warehouse, byte[] pseudonymKey, int shardsPerPartition, List<String> beamArgs,
        Period from, Period to, IngestLimits limits, ArrivalLog arrivals) {

    /** No arrival log. */
    public IngestConfig(String inbox, String warehouse, byte[] pseudonymKey, int shardsPerPartition, List<String> beamArgs,
            Period from, Period to, IngestLimits limits) {
        this(inbox, warehouse, pseudonymKey, shardsPerPartition, beamArgs, from, to, limits, ArrivalLog.NONE);
    }

    /** Every period of the inbox, default limits. */
    public IngestConfig(String inbox, String warehouse, byte[] pseudonymKey, int shardsPerPartition, List<String> beamArgs) {
        this(inbox, warehouse, pseudonymKey, shardsPerPartition, beamArgs, null, null, IngestLimits.defaults());
    }

    /** The selected periods, default limits. */
    public IngestConfig(String inbox, String warehouse, byte[] pseudonymKey, int shardsPerPartition, List<String> beamArgs,
            Period from, Period to) {
        this(inbox, warehouse, pseudonymKey, shardsPerPartition, beamArgs, from, to, IngestLimits.defaults());
    }

    public IngestConfig {
        inbox = trimSlash(inbox);
        warehouse = trimSlash(warehouse);
        pseudonymKey = pseudonymKey.clone();
        beamArgs = List.copyOf(beamArgs);
        if (limits == null) {
            limits = IngestLimits.defaults();
        }
        if (arrivals == null) {
            arrivals = ArrivalLog.NONE;
        }
        if (shardsPerPartition < 1) {
            throw new IllegalArgumentException("shardsPerPartition must be at least 1");
        }
        if ((from == null) != (to == null)) {
            throw new IllegalArgumentException("a period selection needs both ends (from and to)");
        }
        if (from != null && from.start().isAfter(to.end())) {
            throw new IllegalArgumentException("a period selection must run forwards: " + from + ".." + to);
        }
    }

    /** The same run with other limits. */
    public IngestConfig withLimits(IngestLimits other) {
        return new IngestConfig(inbox, warehouse, pseudonymKey, shardsPerPartition, beamArgs, from, to, other, arrivals);
    }

    /** The same run, loading an archive whose arrival times are logged. */
    public IngestConfig withArrivals(ArrivalLog log) {
        return new IngestConfig(inbox, warehouse, pseudonymKey, shardsPerPartition, beamArgs, from, to, limits, log);
    }

    /** True when a submission of this period is to be ingested; a file without a readable period only when all are. */
    public boolean selects(Period period) {
        if (from == null) {
            return true;
        }
        return period != null && !period.start().isBefore(from.start()) && !period.end().isAfter(to.end());
    }

    private static String trimSlash(String path) {
        return path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    }
}
