package org.unionstats.runs;

import java.nio.file.Path;
import java.time.Instant;

/** One run (or one period of a backfill) as it starts: who, what, where. */
public record RunContext(String runId, String parentRunId, String command, String arguments, PeriodSelection selection,
        String inbox, Path warehouse, Instant startedAt) {}
