package org.unionstats.kpi;

import java.util.Arrays;
import org.apache.spark.sql.SparkSession;

/**
 * The KPI job's run on several warehouses, one after the other, in one JVM and one Spark session: what {@code bench
 * kpi} and {@code bench kpi-quarter} measure a run by once the JVM has loaded and compiled Spark's code, apart from what
 * a new JVM spends warming up. Prints each run's result line, as {@link KpiJob#main} does.
 *
 * <p>Arguments: the warehouses, then the job's other options, which every run takes.
 */
public final class SameJvmRuns {

    private SameJvmRuns() {}

    public static void main(String[] args) {
        int warehouses = (int) Arrays.stream(args).takeWhile(a -> !a.startsWith("--")).count();
        String[] shared = Arrays.copyOfRange(args, warehouses, args.length);
        SparkSession spark = null;
        try {
            for (String warehouse : Arrays.copyOf(args, warehouses)) {
                String[] own = new String[shared.length + 2];
                own[0] = "--warehouse";
                own[1] = warehouse;
                System.arraycopy(shared, 0, own, 2, shared.length);
                KpiConfig config = KpiConfig.parse(own, System.getProperty("spark.master") != null);
                if (spark == null) {
                    spark = KpiJob.session(config.master());
                }
                System.out.println(new KpiJob(spark, config).run().toJson());
            }
        } finally {
            if (spark != null) {
                spark.stop();
            }
        }
    }
}
