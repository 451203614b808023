package org.unionstats.kpi.engine;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils;
import org.apache.spark.sql.types.StructType;
import org.unionstats.warehouse.WarehouseLayout;

/**
 * The ingested tables the KPI job reads, with the columns it uses ({@code period} is the partition: the
 * submission's period). A table nothing was ingested into yet is empty, so every stage runs anyway.
 */
public record IngestedTables(Dataset<Row> orgUnits, Dataset<Row> memberEvents, Dataset<Row> hardshipCases,
        Dataset<Row> balances, Dataset<Row> competitions, Dataset<Row> competitionEntries, Dataset<Row> indicatorReports,
        Dataset<Row> targets, Dataset<Row> ingestReceipts) {

    /** The folders read, with the columns read from each. */
    public static final Map<String, String> COLUMNS = Map.of(
            "org_units", "org_code STRING, name STRING, level STRING, parent_org_code STRING, region_code STRING,"
                    + " established_on DATE, workforce BIGINT, submitter STRING, qualifier STRING, submission_id STRING, period STRING",
            "member_events", "member_key STRING, org_code STRING, event_type STRING, event_date DATE, worker_category STRING,"
                    + " submitter STRING, qualifier STRING, submission_id STRING, period STRING",
            "hardship_cases", "case_id STRING, org_code STRING, filed_on DATE, cause STRING, household_size INT, status STRING,"
                    + " lifted_out_on DATE, assistance_cny DECIMAL(18,2), submitter STRING, qualifier STRING, submission_id STRING, period STRING",
            "balances", "org_code STRING, balance_type STRING, as_of DATE, value BIGINT, submitter STRING, qualifier STRING,"
                    + " period STRING",
            "competitions", "competition_id STRING, organiser_org_code STRING, name STRING, kind STRING, level STRING,"
                    + " start_date DATE, end_date DATE, items INT, submitter STRING, qualifier STRING, submission_id STRING, period STRING",
            "competition_entries", "competition_id STRING, org_code STRING, enterprise_credit_code STRING, worker_key STRING,"
                    + " entrants BIGINT, award STRING, title STRING, submitter STRING, qualifier STRING, submission_id STRING, period STRING",
            "indicator_reports", "org_code STRING, indicator_id STRING, value DECIMAL(20,2), unit STRING, submitter STRING,"
                    + " qualifier STRING, period STRING",
            "targets", "issuer_code STRING, org_code STRING, kpi_id STRING, target_period STRING, target_value DECIMAL(20,4), unit STRING,"
                    + " submitter STRING, qualifier STRING, submission_id STRING, period STRING",
            WarehouseLayout.RECEIPTS, "submission_id STRING, sha256 STRING, source_file STRING, submitter STRING, record_type STRING,"
                    + " format STRING, file_modified_at TIMESTAMP, rows_read BIGINT, accepted BIGINT, duplicates BIGINT,"
                    + " quarantined BIGINT, status STRING, replaced_by STRING, run_id STRING, ingested_at TIMESTAMP, received_at TIMESTAMP,"
                    + " period STRING");

    private static final String PERIOD_FOLDER = "period=";

    /** The tables under the warehouse root; their files are listed now, read when a stage runs. */
    public static IngestedTables read(SparkSession spark, WarehouseLayout warehouse) {
        Function<String, Dataset<Row>> table = folder -> table(spark, warehouse, folder);
        return new IngestedTables(table.apply("org_units"), table.apply("member_events"), table.apply("hardship_cases"),
                table.apply("balances"), table.apply("competitions"), table.apply("competition_entries"), table.apply("indicator_reports"),
                table.apply("targets"), table.apply(WarehouseLayout.RECEIPTS));
    }

    /**
     * The submission periods the record tables hold (org_units, member events, hardship cases, competitions, indicator
     * reports): the {@code period=} folders of their files, as listed when the tables were opened, without a scan.
     */
    public Set<String> submissionPeriods() {
        Set<String> periods = new TreeSet<>();
        for (Dataset<Row> records : List.of(memberEvents, hardshipCases, indicatorReports, competitions, orgUnits)) {
            for (String file : records.inputFiles()) {
                String folder = new Path(file).getParent().getName();
                if (folder.startsWith(PERIOD_FOLDER)) {
                    periods.add(ExternalCatalogUtils.unescapePathName(folder.substring(PERIOD_FOLDER.length())));
                }
            }
        }
        return periods;
    }

    private static Dataset<Row> table(SparkSession spark, WarehouseLayout warehouse, String folder) {
        StructType schema = StructType.fromDDL(COLUMNS.get(folder));
        String path = warehouse.table(folder);
        if (isLocal(path) && !Files.isDirectory(warehouse.localTable(folder))) {
            return spark.createDataFrame(List.of(), schema);
        }
        return spark.read().schema(schema).option("basePath", path).parquet(path);
    }

    private static boolean isLocal(String path) {
        return !path.contains("://") || path.startsWith("file:");
    }
}
