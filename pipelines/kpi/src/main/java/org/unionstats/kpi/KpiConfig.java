package org.unionstats.kpi;

import java.util.List;
import java.util.Optional;
import org.unionstats.environment.Environment;
import org.unionstats.kpis.ReportingRules;
import org.unionstats.period.Period;
import org.unionstats.warehouse.WarehouseLayout;

/**
 * What a KPI run does, built once from its arguments in {@link KpiJob#main}.
 *
 * @param periods periods to compute and write; empty = those changed since the last run
 * @param full recompute and rewrite every period
 * @param master Spark's master; empty = the one spark-submit chose
 * @param reporting who owes reports and by when (reporting completeness)
 */
public record KpiConfig(WarehouseLayout warehouse, Optional<List<Period>> periods, boolean full, Optional<String> master,
        ReportingRules reporting) {

    static final String USAGE = "--warehouse DIR [--periods 2024Q3|2023Q1..2024Q4] [--full] [--master "
            + Environment.LOCAL_SPARK_MASTER + "] [--deadline-days " + ReportingRules.DEFAULT_DEADLINE_DAYS
            + "] [--reporting-scope " + ReportingRules.NATIONAL + "]";

    /**
     * @param sparkSubmitSetMaster whether spark-submit chose a master: then the job runs on it unless {@code --master}
     *     says otherwise; without either it runs embedded on {@link Environment#LOCAL_SPARK_MASTER}
     */
    public static KpiConfig parse(String[] args, boolean sparkSubmitSetMaster) {
        String warehouse = null;
        List<Period> periods = null;
        boolean full = false;
        Optional<String> master = sparkSubmitSetMaster ? Optional.empty() : Optional.of(Environment.LOCAL_SPARK_MASTER);
        int deadline = ReportingRules.DEFAULT_DEADLINE_DAYS;
        List<String> scope = List.of(ReportingRules.NATIONAL);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--warehouse" -> warehouse = args[++i];
                case "--periods" -> periods = Period.parseRange(args[++i]);
                case "--full" -> full = true;
                case "--master" -> master = Optional.of(args[++i]);
                case "--deadline-days" -> deadline = Integer.parseInt(args[++i]);
                case "--reporting-scope" -> scope = ReportingRules.parseScope(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; usage: " + USAGE);
            }
        }
        if (warehouse == null) {
            throw new IllegalArgumentException("--warehouse is required");
        }
        return new KpiConfig(new WarehouseLayout(warehouse), Optional.ofNullable(periods), full, master,
                new ReportingRules(deadline, scope));
    }
}
