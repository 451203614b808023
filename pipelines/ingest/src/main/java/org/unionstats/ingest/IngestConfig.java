package org.unionstats.ingest;

import java.util.List;

/**
 * Everything an ingest run needs, built once from the command line.
 *
 * @param inbox the batch root: {@code <submitter>/<period>/<file>} below it; a local path or URI
 * @param warehouse the warehouse root
 * @param pseudonymKey the HMAC key for personal ids; never stored in the warehouse
 * @param shardsPerPartition Parquet files per table partition written by one run
 * @param beamArgs pipeline options passed through to Beam ({@code --runner=FlinkRunner}, ...)
 */
public record IngestConfig(String inbox, String warehouse, byte[] pseudonymKey, int shardsPerPartition, List<String> beamArgs) {

    public IngestConfig {
        inbox = trimSlash(inbox);
        warehouse = trimSlash(warehouse);
        pseudonymKey = pseudonymKey.clone();
        beamArgs = List.copyOf(beamArgs);
        if (shardsPerPartition < 1) {
            throw new IllegalArgumentException("shardsPerPartition must be at least 1");
        }
    }

    private static String trimSlash(String path) {
        return path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    }
}
