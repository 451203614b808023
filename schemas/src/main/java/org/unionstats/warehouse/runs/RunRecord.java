package org.unionstats.warehouse.runs;

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
}
