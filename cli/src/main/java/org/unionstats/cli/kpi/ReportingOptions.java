package org.unionstats.cli.kpi;

import org.unionstats.cli.Arguments;
import org.unionstats.kpis.ReportingRules;
import picocli.CommandLine.Option;

/** Who owes reports and by when: the options of every command that runs the KPI job. */
public final class ReportingOptions {

    @Option(names = "--deadline-days", defaultValue = "" + ReportingRules.DEFAULT_DEADLINE_DAYS,
            description = "Days after a period's end a submission is on time. Default: ${DEFAULT-VALUE}.")
    int deadlineDays;

    @Option(names = "--reporting-scope", defaultValue = ReportingRules.NATIONAL, paramLabel = "CODES",
            description = {"Region codes whose county-level units owe reports, e.g. 130000 or 130000,140000;",
                    "completeness expects every one of them every quarter. Default: ${DEFAULT-VALUE} (the whole country)."})
    String scope;

    public ReportingRules rules() {
        return Arguments.parse(() -> new ReportingRules(deadlineDays, ReportingRules.parseScope(scope)));
    }
}
