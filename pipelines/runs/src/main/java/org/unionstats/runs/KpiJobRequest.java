package org.unionstats.runs;

import java.util.ArrayList;
import java.util.List;
import org.unionstats.kpis.ReportingRules;

/**
 * One run of the KPI job: the job's own arguments and the heap of its JVM.
 *
 * @param periods periods to compute and write ({@code 2024Q3} or {@code 2023Q1..2024Q4}); null: those changed since the last run
 * @param full recompute and rewrite every period
 * @param reporting who owes reports and by when (reporting completeness)
 */
public record KpiJobRequest(String warehouse, String periods, boolean full, String master, ReportingRules reporting,
        String heap) {

    /** The periods whose receipts changed since the last complete run, and those after them that carry stocks. */
    public static KpiJobRequest incremental(String warehouse, String master, ReportingRules reporting, String heap) {
        return new KpiJobRequest(warehouse, null, false, master, reporting, heap);
    }

    /** The job's command line. */
    public List<String> arguments() {
        List<String> args = new ArrayList<>(List.of("--warehouse", warehouse, "--master", master, "--deadline-days",
                Integer.toString(reporting.deadlineDays()), "--reporting-scope", reporting.scopeText()));
        if (periods != null) {
            args.add("--periods");
            args.add(periods);
        }
        if (full) {
            args.add("--full");
        }
        return args;
    }
}
