package org.unionstats.cli;

import org.unionstats.runs.SparkJobLauncher;
import org.unionstats.runs.WarehouseLock;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "kpi", mixinStandardHelpOptions = true,
        description = {"Compute the KPI tables with Apache Spark SQL, rolled up the union hierarchy.",
                "Without --periods, only the periods changed since the last run are rewritten."})
final class KpiCommand implements Callable<Integer> {

    @Option(names = "--warehouse", required = true, description = "Warehouse root.")
    String warehouse;

    @Option(names = "--periods", description = "Compute and write these periods (2024Q3 or 2023Q1..2024Q4) and all periods overlapping them.")
    String periods;

    @Option(names = "--full", description = "Recompute and rewrite every period.")
    boolean full;

    @Option(names = "--master", defaultValue = "local[*]", description = "Spark master. Default: ${DEFAULT-VALUE}.")
    String master;

    @Option(names = "--deadline-days", defaultValue = "15", description = "Days after a period's end a submission is on time. Default: ${DEFAULT-VALUE}.")
    int deadlineDays;

    @Option(names = "--heap", defaultValue = "6g", description = "Heap of the Spark driver JVM. Default: ${DEFAULT-VALUE}.")
    String heap;

    @Override
    public Integer call() throws Exception {
        try (org.unionstats.runs.WarehouseLock lock = org.unionstats.runs.WarehouseLock.forCommand(warehouse, "kpi")) {
            System.out.println(run(warehouse, periods, full, master, deadlineDays, heap));
        }
        return 0;
    }

    static String run(String warehouse, String periods, boolean full, String master, int deadlineDays, String heap) throws Exception {
        List<String> args = new ArrayList<>(List.of("--warehouse", warehouse, "--master", master,
                "--deadline-days", Integer.toString(deadlineDays)));
        if (periods != null) {
            args.add("--periods");
            args.add(periods);
        }
        if (full) {
            args.add("--full");
        }
        return SparkJobLauncher.run(args, heap);
    }
}
