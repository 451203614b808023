package org.unionstats.runs;

import java.time.Instant;
import java.util.List;

/** One row of {@code ops.pipeline_runs} (schemas/avro/pipeline_runs.avsc); null where a run never got that far. */
public record RunRecord(
        String runId,
        String command,
        String arguments,
        String periods,
        String parentRunId,
        Instant startedAt,
        Instant endedAt,
        RunStatus status,
        int exitCode,
        String ingestRunId,
        Long filesNew,
        Long filesUnchanged,
        Long rowsRead,
        Long rowsAccepted,
        Long rowsDuplicates,
        Long rowsQuarantined,
        Integer kpiPartitionsWritten,
        List<String> kpiPeriodsWritten,
        Boolean published,
        String errorMessage,
        String host,
        long pid) {

    public RunRecord {
        kpiPeriodsWritten = kpiPeriodsWritten == null ? null : List.copyOf(kpiPeriodsWritten);
    }

    public double seconds() {
        return (endedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0;
    }

    /** The row the next run writes for a run that was killed while it held the warehouse. */
    public static RunRecord abandoned(LockHolder holder, Instant foundAt) {
        String[] parts = holder.command().split(" ", 2);
        return new RunRecord(holder.runId(), parts[0], parts.length > 1 ? parts[1] : "", null, null, holder.started(), foundAt,
                RunStatus.ABANDONED, RunStatus.ABANDONED.exitCode(), null, null, null, null, null, null, null, null, null, null,
                "the run ended without finishing (killed, or its machine stopped); the next run recovered the warehouse",
                holder.host(), holder.pid());
    }
}
