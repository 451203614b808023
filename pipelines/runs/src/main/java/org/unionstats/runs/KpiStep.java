package org.unionstats.runs;

import java.nio.file.Path;
import org.unionstats.kpis.ReportingRules;
import org.unionstats.warehouse.runs.KpiJobResult;

/**
 * The KPI stage of a run: the Spark job in a JVM of its own, incremental (it rewrites only the
 * periods whose receipts changed since its last complete run, and every period after them that
 * carries stocks).
 */
public record KpiStep(String master, String heap, ReportingRules reporting) {

    /** @param structuredLog pass the job's log on as log lines of the run (JSON logs) rather than as it is */
    public KpiJobResult run(KpiJobLauncher launcher, Path warehouse, RunProgress progress, boolean structuredLog) {
        String out = launcher.run(KpiJobRequest.incremental(warehouse.toString(), master, reporting, heap),
                structuredLog ? progress::childLog : null);
        return KpiJobResult.fromOutput(out);
    }
}
