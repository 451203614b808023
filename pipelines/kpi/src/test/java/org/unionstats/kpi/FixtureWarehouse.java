package org.unionstats.kpi;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.unionstats.warehouse.WarehouseLayout;

/**
 * Builds a small warehouse of ingested tables by hand, in the layout the ingestion writes
 * (Hive-style {@code <table>/period=<P>/*.parquet}), for KPI tests with hand-computed answers.
 * Every row added to a record table also gets a receipt for its (submitter, period, table).
 */
public final class FixtureWarehouse {

    static final String ORG_UNITS = "org_code STRING, name STRING, level STRING, parent_org_code STRING, region_code STRING,"
            + " established_on DATE, workforce BIGINT, submitter STRING, qualifier STRING";
    static final String MEMBER_EVENTS = "member_key STRING, org_code STRING, event_type STRING, event_date DATE,"
            + " worker_category STRING, submitter STRING, qualifier STRING";
    static final String HARDSHIP = "case_id STRING, org_code STRING, filed_on DATE, cause STRING, household_size INT, status STRING,"
            + " lifted_out_on DATE, assistance_cny DECIMAL(18,2), submitter STRING, qualifier STRING";
    static final String COMPETITIONS = "competition_id STRING, organiser_org_code STRING, name STRING, kind STRING, level STRING,"
            + " start_date DATE, end_date DATE, items INT, submitter STRING, qualifier STRING";
    static final String ENTRIES = "competition_id STRING, org_code STRING, enterprise_credit_code STRING, worker_key STRING,"
            + " entrants BIGINT, award STRING, title STRING, submitter STRING, qualifier STRING";
    static final String INDICATORS = "org_code STRING, indicator_id STRING, value DECIMAL(20,2), unit STRING, submitter STRING,"
            + " qualifier STRING";
    static final String RECEIPTS = "submission_id STRING, sha256 STRING, source_file STRING, submitter STRING, record_type STRING,"
            + " format STRING, file_modified_at TIMESTAMP, rows_read BIGINT, accepted BIGINT, duplicates BIGINT, quarantined BIGINT,"
            + " status STRING, replaced_by STRING, run_id STRING, ingested_at TIMESTAMP, received_at TIMESTAMP";
    static final String BALANCES = "org_code STRING, balance_type STRING, as_of DATE, value BIGINT, submitter STRING, qualifier STRING";
    static final String TARGETS = "issuer_code STRING, org_code STRING, kpi_id STRING, target_period STRING, target_value DECIMAL(20,4),"
            + " unit STRING, submitter STRING, qualifier STRING";

    private final Map<String, String> ddl = new LinkedHashMap<>();
    private final Map<String, Map<String, List<Row>>> rows = new LinkedHashMap<>();
    private final Map<String, Timestamp> receiptTimes = new LinkedHashMap<>();
    private final Map<String, Timestamp> modifiedTimes = new LinkedHashMap<>();
    private final java.util.Set<String> resubmitted = new java.util.HashSet<>();

    public FixtureWarehouse() {
        ddl.put("org_units", ORG_UNITS);
        ddl.put("member_events", MEMBER_EVENTS);
        ddl.put("hardship_cases", HARDSHIP);
        ddl.put("balances", BALANCES);
        ddl.put("competitions", COMPETITIONS);
        ddl.put("competition_entries", ENTRIES);
        ddl.put("indicator_reports", INDICATORS);
        ddl.put("targets", TARGETS);
        ddl.put("ingest_receipts", RECEIPTS);
    }

    /** Adds a row; {@code values} follow the table's columns up to {@code qualifier}, which defaults to exact. */
    public FixtureWarehouse add(String table, String period, Object... values) {
        StructType schema = StructType.fromDDL(ddl.get(table));
        Object[] full = new Object[schema.size()];
        for (int i = 0; i < full.length; i++) {
            full[i] = i < values.length ? convert(values[i], schema.fields()[i].dataType()) : null;
        }
        int qualifier = schema.fieldIndex("qualifier");
        if (full[qualifier] == null) {
            full[qualifier] = "exact";
        }
        rows.computeIfAbsent(table, t -> new LinkedHashMap<>()).computeIfAbsent(period, p -> new ArrayList<>()).add(RowFactory.create(full));
        return this;
    }

    /**
     * When the submission of (submitter, period, table) arrived, as {@code yyyy-MM-dd HH:mm:ss}
     * on the Asia/Shanghai wall clock; default: 09:00 ten days after the period's end.
     */
    public FixtureWarehouse receivedAt(String submitter, String period, String table, String timestamp) {
        receiptTimes.put(submitter + "|" + period + "|" + table, shanghai(java.time.LocalDateTime.parse(timestamp.replace(' ', 'T'))));
        return this;
    }

    /**
     * The modification time the file of (submitter, period, table) claims, as {@code yyyy-MM-dd HH:mm:ss} (Asia/Shanghai);
     * default: when it was received. The sender sets it, so nothing may count on it.
     */
    public FixtureWarehouse modifiedAt(String submitter, String period, String table, String timestamp) {
        modifiedTimes.put(submitter + "|" + period + "|" + table, shanghai(java.time.LocalDateTime.parse(timestamp.replace(' ', 'T'))));
        return this;
    }

    private static Timestamp shanghai(java.time.LocalDateTime wallClock) {
        return Timestamp.from(wallClock.atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
    }

    /** Marks the submission of (submitter, period, table) as a corrected resubmission: a new file, a new receipt. */
    public FixtureWarehouse resubmitted(String submitter, String period, String table) {
        resubmitted.add(submitter + "|" + period + "|" + table);
        return this;
    }

    /** Writes every table (and receipts derived from the rows) under {@code warehouse}. */
    public void write(SparkSession spark, String warehouse) {
        Map<String, List<Row>> receipts = new LinkedHashMap<>();
        Map<String, String> submissionIds = new LinkedHashMap<>();
        rows.forEach((table, byPeriod) -> byPeriod.forEach((period, list) -> {
            StructType schema = StructType.fromDDL(ddl.get(table));
            int submitterIndex = schema.fieldIndex("submitter");
            Map<String, Long> counts = new LinkedHashMap<>();
            list.forEach(r -> counts.merge(r.getString(submitterIndex), 1L, Long::sum));
            counts.forEach((submitter, n) -> {
                String file = submitter + "/" + period + "/" + table + ".csv";
                Timestamp at = receiptTimes.getOrDefault(submitter + "|" + period + "|" + table,
                        shanghai(org.unionstats.period.Period.parse(period).end().plusDays(10).atTime(9, 0)));
                Timestamp modified = modifiedTimes.getOrDefault(submitter + "|" + period + "|" + table, at);
                boolean corrected = resubmitted.contains(submitter + "|" + period + "|" + table);
                String id = Integer.toHexString((file + (corrected ? "v2" : "")).hashCode());
                submissionIds.put(table + "|" + period + "|" + submitter, id);
                receipts.computeIfAbsent(period, p -> new ArrayList<>()).add(RowFactory.create(id, id, file, submitter, table,
                        "csv/UTF-8", modified, n, n, 0L, 0L, "current", null, corrected ? "fixture-2" : "fixture-1", at, at));
            });
        }));
        // Each row carries its submission's id, as the ingest writes it.
        rows.forEach((table, byPeriod) -> writeTable(spark, warehouse, table, byPeriod.entrySet().stream().collect(
                java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> withSubmissionId(table, e.getKey(), e.getValue(), submissionIds),
                        (a, b) -> a, LinkedHashMap::new)), ddl.get(table) + ", submission_id STRING"));
        writeTable(spark, warehouse, "ingest_receipts", receipts, RECEIPTS);
    }

    private List<Row> withSubmissionId(String table, String period, List<Row> list, Map<String, String> submissionIds) {
        int submitterIndex = StructType.fromDDL(ddl.get(table)).fieldIndex("submitter");
        return list.stream().map(r -> {
            Object[] values = new Object[r.size() + 1];
            for (int i = 0; i < r.size(); i++) {
                values[i] = r.get(i);
            }
            values[r.size()] = submissionIds.get(table + "|" + period + "|" + r.getString(submitterIndex));
            return RowFactory.create(values);
        }).toList();
    }

    private static void writeTable(SparkSession spark, String warehouse, String table, Map<String, List<Row>> byPeriod, String ddl) {
        StructType schema = StructType.fromDDL(ddl);
        byPeriod.forEach((period, list) -> spark.createDataFrame(list, schema).coalesce(1).write().mode(SaveMode.Overwrite)
                .parquet(new WarehouseLayout(warehouse).partition(table, period)));
    }

    /** Dates as "2024-03-31", numbers as any Number: converted to the column's type. */
    private static Object convert(Object v, org.apache.spark.sql.types.DataType type) {
        if (v == null) {
            return null;
        }
        if (type instanceof org.apache.spark.sql.types.DateType) {
            return Date.valueOf((String) v);
        }
        if (type instanceof org.apache.spark.sql.types.LongType) {
            return ((Number) v).longValue();
        }
        if (type instanceof org.apache.spark.sql.types.IntegerType) {
            return ((Number) v).intValue();
        }
        if (type instanceof org.apache.spark.sql.types.DecimalType decimal) {
            return new java.math.BigDecimal(v.toString()).setScale(decimal.scale());
        }
        return v;
    }
}
