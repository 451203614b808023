package org.unionstats.kpi.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The ingested tables, registered as Spark SQL views with the columns the KPI jobs use. A
 * table nothing was ingested into yet is an empty view, so every family's SQL runs anyway.
 */
public final class WarehouseTables {

    /** Columns the jobs read, per table; {@code period} is the partition (the submission's period). */
    static final Map<String, String> COLUMNS = Map.of(
            "org_units", "org_code STRING, name STRING, level STRING, parent_org_code STRING, region_code STRING,"
                    + " established_on DATE, workforce BIGINT, submitter STRING, qualifier STRING, period STRING",
            "member_events", "member_key STRING, org_code STRING, event_type STRING, event_date DATE, worker_category STRING,"
                    + " submitter STRING, qualifier STRING, period STRING",
            "hardship_cases", "case_id STRING, org_code STRING, filed_on DATE, cause STRING, household_size INT, status STRING,"
                    + " lifted_out_on DATE, assistance_cny DECIMAL(18,2), submitter STRING, qualifier STRING, period STRING",
            "competitions", "competition_id STRING, organiser_org_code STRING, name STRING, kind STRING, level STRING,"
                    + " start_date DATE, end_date DATE, items INT, submitter STRING, qualifier STRING, period STRING",
            "competition_entries", "competition_id STRING, org_code STRING, enterprise_credit_code STRING, worker_key STRING,"
                    + " entrants BIGINT, award STRING, title STRING, submitter STRING, qualifier STRING, period STRING",
            "indicator_reports", "org_code STRING, indicator_id STRING, value DECIMAL(20,2), unit STRING, submitter STRING,"
                    + " qualifier STRING, period STRING",
            "ingest_receipts", "submission_id STRING, sha256 STRING, source_file STRING, submitter STRING, record_type STRING,"
                    + " format STRING, file_modified_at TIMESTAMP, rows_read BIGINT, accepted BIGINT, duplicates BIGINT,"
                    + " quarantined BIGINT, status STRING, replaced_by STRING, run_id STRING, ingested_at TIMESTAMP, period STRING",
            "quarantine", "run_id STRING, submission_id STRING, source_file STRING, submitter STRING, record_type STRING,"
                    + " source_row INT, column_name STRING, error_code STRING, period STRING");

    private WarehouseTables() {}

    public static void register(SparkSession spark, String warehouse) {
        COLUMNS.forEach((table, ddl) -> read(spark, warehouse, table, ddl).createOrReplaceTempView(table));
    }

    static Dataset<Row> read(SparkSession spark, String warehouse, String table, String ddl) {
        StructType schema = StructType.fromDDL(ddl);
        String path = warehouse + "/" + table;
        if (isLocal(path) && !Files.isDirectory(Path.of(path))) {
            return spark.createDataFrame(java.util.List.of(), schema);
        }
        return spark.read().schema(schema).option("basePath", path).parquet(path);
    }

    static boolean isLocal(String path) {
        return !path.contains("://") || path.startsWith("file:");
    }
}
