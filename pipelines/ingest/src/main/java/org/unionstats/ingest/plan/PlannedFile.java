package org.unionstats.ingest.plan;
import org.unionstats.warehouse.WarehouseLayout;


import java.io.Serializable;
import org.unionstats.submission.SubmissionPath;

/**
 * A new file of the batch with everything decided before the pipeline runs.
 *
 * @param resource the file's full path or URI, as Beam's FileSystems names it
 * @param path what its path says, or null when the path itself is refused
 * @param pathErrorZh why the path is refused (Chinese), or null
 * @param replacedBy the later file of the same submitter, period and record type, or null
 */
public record PlannedFile(
        String relativePath,
        String resource,
        String sha256,
        long modifiedMillis,
        SubmissionPath path,
        String pathErrorZh,
        String pathErrorEn,
        String replacedBy)
        implements Serializable {

    /** The first 16 hex digits of the content hash: short, and stable across re-runs. */
    public String submissionId() {
        return sha256.substring(0, 16);
    }

    public boolean isCurrent() {
        return path != null && replacedBy == null;
    }

    /** The receipts and quarantine partition: the submission's period, or {@code unknown} for a refused path. */
    public String partition() {
        return path == null ? WarehouseLayout.UNKNOWN_PERIOD : path.period().canonical();
    }

    public PlannedFile replacedBy(String laterFile) {
        return new PlannedFile(relativePath, resource, sha256, modifiedMillis, path, pathErrorZh, pathErrorEn, laterFile);
    }
}
