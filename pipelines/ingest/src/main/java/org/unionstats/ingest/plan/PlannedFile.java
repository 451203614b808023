package org.unionstats.ingest.plan;

import java.io.Serializable;
import org.unionstats.ingest.text.SafeText;
import org.unionstats.submission.SubmissionPath;
import org.unionstats.warehouse.WarehouseLayout;
import org.unionstats.warehouse.quarantine.QuarantineCode;

/**
 * A new file of the batch with everything decided before the pipeline runs. Which file of a
 * group ends up current is decided after the check ({@code CheckSubmissions}): the latest one
 * that was read and had rows.
 *
 * @param relativePath the path below the inbox as found; used to open and order, never stored
 * @param sourceFile the path as tables, receipts and logs show it: personal data masked, control
 *     characters written out, cut to a bounded length ({@link SafeText#path})
 * @param resource the file's full path or URI, as Beam's FileSystems names it
 * @param sha256 the content hash; for a file refused before reading, the hash of its listing
 * @param sizeBytes the size the listing gave, -1 when unknown
 * @param path what its path says, or null when the path itself is refused
 * @param refusalCode the {@link QuarantineCode} name of a refusal decided while planning (the
 *     file is then not read), or null
 * @param rank the file's place among this run's files of its group (0 first); the highest rank
 *     that passes the check wins
 * @param receivedAt when the ingest first saw this content at this path (epoch millis), carried from an
 *     earlier receipt of the same source file and SHA-256; null for content first seen by this run, whose
 *     receipt takes the run's start
 */
public record PlannedFile(
        String relativePath,
        String sourceFile,
        String resource,
        String sha256,
        long modifiedMillis,
        long sizeBytes,
        SubmissionPath path,
        String refusalCode,
        String refusalZh,
        String refusalEn,
        int rank,
        Long receivedAt)
        implements Serializable {

    /** A file first seen by this run. */
    public PlannedFile(String relativePath, String sourceFile, String resource, String sha256, long modifiedMillis, long sizeBytes,
            SubmissionPath path, String refusalCode, String refusalZh, String refusalEn, int rank) {
        this(relativePath, sourceFile, resource, sha256, modifiedMillis, sizeBytes, path, refusalCode, refusalZh, refusalEn, rank, null);
    }

    /**
     * A file as the first planners described it: {@code pathErrorZh/En} refuse it as
     * {@code BAD_PATH}. Replacement is no longer decided before the check, so {@code replacedBy}
     * must be null.
     */
    public PlannedFile(String relativePath, String resource, String sha256, long modifiedMillis, SubmissionPath path,
            String pathErrorZh, String pathErrorEn, String replacedBy) {
        this(relativePath, SafeText.path(relativePath), resource, sha256, modifiedMillis, -1, path,
                pathErrorZh == null ? null : QuarantineCode.BAD_PATH.name(), pathErrorZh, pathErrorEn, 0);
        if (replacedBy != null) {
            throw new IllegalArgumentException("replacement is decided by the check, not the plan");
        }
    }

    /** The first 16 hex digits of the content hash: short, and stable across re-runs. */
    public String submissionId() {
        return sha256.substring(0, 16);
    }

    /** Why the file is refused without being read, or null when it is to be read. */
    public QuarantineCode.Message refusal() {
        if (refusalCode == null) {
            return null;
        }
        return new QuarantineCode.Message(QuarantineCode.valueOf(refusalCode), refusalZh, refusalEn);
    }

    /** Whether the file is to be read and checked. */
    public boolean isReadable() {
        return refusalCode == null && path != null;
    }

    /** The receipts and quarantine partition: the submission's period, or {@code unknown} for a refused path. */
    public String partition() {
        return path == null ? WarehouseLayout.UNKNOWN_PERIOD : path.period().canonical();
    }

    /** The submission group (record type, period, submitter), or null without a readable path. */
    public String groupKey() {
        return path == null ? null : path.groupKey();
    }

    public PlannedFile withRank(int newRank) {
        return new PlannedFile(relativePath, sourceFile, resource, sha256, modifiedMillis, sizeBytes, path, refusalCode, refusalZh,
                refusalEn, newRank, receivedAt);
    }

    /** The same file, first seen at {@code millis} (an earlier receipt of the same content at the same path). */
    public PlannedFile receivedAt(long millis) {
        return new PlannedFile(relativePath, sourceFile, resource, sha256, modifiedMillis, sizeBytes, path, refusalCode, refusalZh,
                refusalEn, rank, millis);
    }

    /** When the ingest first saw this content at this path: the earlier receipt's time, else {@code runStartedAt}. */
    public long receivedAtOr(long runStartedAt) {
        return receivedAt != null ? receivedAt : runStartedAt;
    }

    /** The same file, refused for {@code reason} without being read. */
    public PlannedFile refused(QuarantineCode.Message reason) {
        return new PlannedFile(relativePath, sourceFile, resource, sha256, modifiedMillis, sizeBytes, path, reason.code().name(),
                SafeText.message(reason.zh()), SafeText.message(reason.en()), rank, receivedAt);
    }
}
