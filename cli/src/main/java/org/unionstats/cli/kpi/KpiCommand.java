package org.unionstats.cli.kpi;

import java.util.concurrent.Callable;
import org.unionstats.cli.CliContext;
import org.unionstats.environment.Environment;
import org.unionstats.runs.KpiJobRequest;
import org.unionstats.runs.WarehouseLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "kpi", mixinStandardHelpOptions = true,
        description = {"Compute the KPI tables with Apache Spark SQL, rolled up the union hierarchy.",
                "Without --periods, only the periods changed since the last run are rewritten."})
public final class KpiCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--warehouse", required = true, description = "Warehouse root.")
    String warehouse;

    @Option(names = "--periods", description = "Compute and write these periods (2024Q3 or 2023Q1..2024Q4) and all periods overlapping them.")
    String periods;

    @Option(names = "--full", description = "Recompute and rewrite every period.")
    boolean full;

    @Option(names = "--master", defaultValue = Environment.LOCAL_SPARK_MASTER, description = "Spark master. Default: ${DEFAULT-VALUE}.")
    String master;

    @Mixin
    ReportingOptions reporting;

    @Option(names = "--heap", defaultValue = Environment.JOB_HEAP, description = "Heap of the Spark driver JVM. Default: ${DEFAULT-VALUE}.")
    String heap;

    KpiCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (WarehouseLock lock = WarehouseLock.forCommand(warehouse, "kpi")) {
            System.out.println(context.kpiJob().run(new KpiJobRequest(warehouse, periods, full, master, reporting.rules(), heap)));
        }
        return 0;
    }
}
