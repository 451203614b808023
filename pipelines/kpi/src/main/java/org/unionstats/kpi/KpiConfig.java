package org.unionstats.kpi;

import java.util.List;
import java.util.Optional;
import org.unionstats.period.Period;

/**
 * What a KPI run does, built once from its arguments.
 *
 * @param periods periods to compute and write; empty = those changed since the last run
 * @param full recompute and rewrite every period
 * @param deadlineDays days after a period's end a submission is on time
 */
public record KpiConfig(String warehouse, Optional<List<Period>> periods, boolean full, String master, int deadlineDays) {

    public static KpiConfig parse(String[] args) {
        String warehouse = null;
        List<Period> periods = null;
        boolean full = false;
        // Without --master the job takes spark-submit's master (spark.master), else runs embedded.
        String master = System.getProperty("spark.master") == null ? "local[*]" : null;
        int deadline = 15;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--warehouse" -> warehouse = args[++i];
                case "--periods" -> periods = Period.parseRange(args[++i]);
                case "--full" -> full = true;
                case "--master" -> master = args[++i];
                case "--deadline-days" -> deadline = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; usage: --warehouse DIR [--periods 2024Q3|2023Q1..2024Q4] [--full] [--master local[*]] [--deadline-days 15]");
            }
        }
        if (warehouse == null) {
            throw new IllegalArgumentException("--warehouse is required");
        }
        return new KpiConfig(warehouse.endsWith("/") ? warehouse.substring(0, warehouse.length() - 1) : warehouse,
                Optional.ofNullable(periods), full, master, deadline);
    }
}
