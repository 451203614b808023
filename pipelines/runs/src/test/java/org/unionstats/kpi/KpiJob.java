package org.unionstats.kpi;

import java.util.List;
import org.unionstats.warehouse.runs.KpiJobResult;

/**
 * Stands in for the Spark KPI job (module pipelines/kpi, not on this module's classpath) in the
 * launcher's tests: logs to stderr, then ends with its result line, or with exit code 3 when the
 * master is {@code fail}.
 */
public final class KpiJob {

    private KpiJob() {}

    public static void main(String[] args) {
        System.err.println("kpi_values written");
        System.err.println("   ");
        if (List.of(args).contains("fail")) {
            System.exit(3);
        }
        System.out.println("Spark may print to stdout before the result");
        System.out.println(new KpiJobResult(List.of("2024Q3", "2024-07"), 42, 1.25).toJson());
    }
}
