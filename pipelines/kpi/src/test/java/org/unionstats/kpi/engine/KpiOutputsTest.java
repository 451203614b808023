package org.unionstats.kpi.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.unionstats.warehouse.WarehouseLayout;

/** Writing a table partitioned by family within each period: only the partitions a run owns change. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiOutputsTest {

    private static final StructType VALUES = StructType.fromDDL("org_code STRING, kpi_id STRING, value DOUBLE, period STRING, family STRING");

    SparkSession spark;

    @TempDir
    Path tmp;

    @BeforeAll
    void start() {
        spark = SparkSession.builder().appName("kpi-outputs-test").master("local[1]").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "1").config("spark.sql.sources.partitionOverwriteMode", "dynamic")
                .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false").getOrCreate();
    }

    @AfterAll
    void stop() {
        spark.stop();
    }

    @Test
    void aFamilyWrittenAloneInAPeriodRewritesOnlyItsOwnPartitionThere() throws Exception {
        WarehouseLayout warehouse = WarehouseLayout.of(tmp.resolve("alone"));
        // First run: both families in 2024Q1 and 2024Q2.
        new KpiOutputs(warehouse, List.of("2024Q1", "2024Q2"), List.of("kpi_values")).writeByFamily("kpi_values",
                Map.of("membership", List.of("2024Q1", "2024Q2"), "hardship", List.of("2024Q1", "2024Q2")), rows(
                        row("130300", "members_end", 61234.0, "2024Q1", "membership"),
                        row("130300", "members_end", 61500.0, "2024Q2", "membership"),
                        row("130300", "hardship_on_file_end", 812.0, "2024Q1", "hardship"),
                        row("130300", "hardship_on_file_end", 790.0, "2024Q2", "hardship")), "org_code");
        Set<String> membershipFiles = files(warehouse, "period=2024Q1/family=membership");

        // Hardship alone in 2024Q1: its rows there are replaced; a membership row offered for 2024Q1 is not written, and
        // 2024Q2 (not among the run's periods) is left as it was.
        long written = new KpiOutputs(warehouse, List.of("2024Q1"), List.of("kpi_values")).writeByFamily("kpi_values",
                Map.of("hardship", List.of("2024Q1")), rows(
                        row("130300", "hardship_on_file_end", 815.0, "2024Q1", "hardship"),
                        row("130300", "members_end", 1.0, "2024Q1", "membership")), "org_code");

        assertThat(written).isEqualTo(1);
        assertThat(files(warehouse, "period=2024Q1/family=membership")).isNotEmpty().isEqualTo(membershipFiles);
        assertThat(values(warehouse)).containsExactlyInAnyOrder("130300 members_end 61234.0 2024Q1 membership",
                "130300 members_end 61500.0 2024Q2 membership", "130300 hardship_on_file_end 815.0 2024Q1 hardship",
                "130300 hardship_on_file_end 790.0 2024Q2 hardship");
    }

    @Test
    void aFamilyLeftWithNoRowsInAPeriodLosesItsPartitionAndAPeriodLeftEmptyItsFolder() throws Exception {
        WarehouseLayout warehouse = WarehouseLayout.of(tmp.resolve("emptied"));
        new KpiOutputs(warehouse, List.of("2024Q1", "2024Q2"), List.of("kpi_values")).writeByFamily("kpi_values",
                Map.of("membership", List.of("2024Q1", "2024Q2"), "competitions", List.of("2024Q1")), rows(
                        row("130300", "members_end", 61234.0, "2024Q1", "membership"),
                        row("130300", "members_end", 61500.0, "2024Q2", "membership"),
                        row("130300", "competition_entrants", 66.0, "2024Q1", "competitions")), "org_code");

        // Competitions' only row in 2024Q1 is gone; membership has none left in 2024Q2.
        new KpiOutputs(warehouse, List.of("2024Q1", "2024Q2"), List.of("kpi_values")).writeByFamily("kpi_values",
                Map.of("membership", List.of("2024Q1", "2024Q2"), "competitions", List.of("2024Q1", "2024Q2")), rows(
                        row("130300", "members_end", 61234.0, "2024Q1", "membership")), "org_code");

        assertThat(Files.exists(warehouse.localTable("kpi_values").resolve("period=2024Q1/family=competitions"))).isFalse();
        assertThat(Files.exists(warehouse.localTable("kpi_values").resolve("period=2024Q2"))).as("no stale period").isFalse();
        assertThat(values(warehouse)).containsExactly("130300 members_end 61234.0 2024Q1 membership");
    }

    @Test
    void filesOfAPeriodWrittenBeforeTheFamilyPartitionsAreRemovedWhenTheRunRewritesIt() throws Exception {
        WarehouseLayout warehouse = WarehouseLayout.of(tmp.resolve("older"));
        // As an earlier form of the table wrote it: the period's files directly in its folder.
        spark.createDataFrame(List.of(RowFactory.create("130300", "members_end", 5.0)), StructType.fromDDL("org_code STRING, kpi_id STRING, value DOUBLE"))
                .write().parquet(warehouse.localTable("kpi_values").resolve("older").toString());
        Path period = Files.createDirectories(warehouse.localTable("kpi_values").resolve("period=2024Q1"));
        try (var older = Files.list(warehouse.localTable("kpi_values").resolve("older"))) {
            for (Path f : older.filter(p -> p.getFileName().toString().endsWith(".parquet")).toList()) {
                Files.move(f, period.resolve(f.getFileName()));
            }
        }
        deleteRecursively(warehouse.localTable("kpi_values").resolve("older"));

        new KpiOutputs(warehouse, List.of("2024Q1"), List.of("kpi_values")).writeByFamily("kpi_values",
                Map.of("membership", List.of("2024Q1")), rows(row("130300", "members_end", 61234.0, "2024Q1", "membership")), "org_code");

        try (var entries = Files.list(period)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("family=membership");
        }
        assertThat(values(warehouse)).containsExactly("130300 members_end 61234.0 2024Q1 membership");
    }

    @Test
    void aFamilyWrittenInAPeriodNotAmongTheRunsIsRefused() {
        KpiOutputs out = new KpiOutputs(WarehouseLayout.of(tmp.resolve("refused")), List.of("2024Q1"), List.of("kpi_values"));
        assertThatThrownBy(() -> out.writeByFamily("kpi_values", Map.of("hardship", List.of("2024Q2")),
                rows(row("130300", "hardship_on_file_end", 790.0, "2024Q2", "hardship")), "org_code"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2024Q2");
    }

    private Dataset<Row> rows(Row... rows) {
        return spark.createDataFrame(List.of(rows), VALUES);
    }

    private static Row row(String org, String kpi, double value, String period, String family) {
        return RowFactory.create(org, kpi, value, period, family);
    }

    private List<String> values(WarehouseLayout warehouse) {
        return spark.read().parquet(warehouse.table("kpi_values")).collectAsList().stream()
                .map(r -> r.getAs("org_code") + " " + r.getAs("kpi_id") + " " + r.getAs("value") + " " + r.getAs("period") + " " + r.getAs("family"))
                .toList();
    }

    private static Set<String> files(WarehouseLayout warehouse, String partition) throws Exception {
        try (var listed = Files.list(warehouse.localTable("kpi_values").resolve(partition))) {
            return listed.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".parquet")).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static void deleteRecursively(Path folder) throws Exception {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
