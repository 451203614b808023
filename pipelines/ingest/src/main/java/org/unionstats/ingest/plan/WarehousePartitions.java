package org.unionstats.ingest.plan;

/** Names shared by the planner, the pipeline and the publisher. */
public final class WarehousePartitions {

    /** Partition of receipts and quarantine entries for files whose path names no valid period. */
    public static final String UNKNOWN_PERIOD = "unknown";
    public static final String RECEIPTS = "ingest_receipts";
    public static final String QUARANTINE = "quarantine";

    private WarehousePartitions() {}

    public static String partitionDir(String period) {
        return "period=" + period;
    }
}
