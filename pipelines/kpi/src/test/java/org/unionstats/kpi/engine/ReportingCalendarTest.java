package org.unionstats.kpi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.unionstats.period.Period;
import org.unionstats.warehouse.WarehouseLayout;

/** The calendar spans the quarters of the record tables' submission periods, as their partition folders hold files. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportingCalendarTest {

    SparkSession spark;

    @BeforeAll
    void start() {
        spark = SparkSession.builder().appName("reporting-calendar-test").master("local[1]").config("spark.ui.enabled", "false")
                .getOrCreate();
    }

    @AfterAll
    void stop() {
        spark.stop();
    }

    private void write(WarehouseLayout warehouse, String table, String period, String ddl, Object... row) {
        spark.createDataFrame(List.of(RowFactory.create(row)), StructType.fromDDL(ddl)).write().parquet(warehouse.partition(table, period));
    }

    @Test
    void spansTheQuartersOfTheRecordTablesPartitionsWithFiles(@TempDir Path root) throws Exception {
        WarehouseLayout warehouse = WarehouseLayout.of(root);
        write(warehouse, "member_events", "2024Q2", "org_code STRING", "130102");
        // A monthly submission: its quarter, 2024Q3, is the calendar's last.
        write(warehouse, "org_units", "2024-07", "org_code STRING", "130102-0001");
        // A period whose files were all withdrawn: its folder is left empty and holds no rows.
        Files.createDirectories(Path.of(warehouse.partition("hardship_cases", "2023Q1")));
        write(warehouse, "hardship_cases", "2024Q3", "case_id STRING", "KN130102-00001");
        // Balances and targets date stocks and goals; they do not extend the calendar.
        write(warehouse, "balances", "2022Q4", "org_code STRING", "130102");

        IngestedTables ingested = IngestedTables.read(spark, warehouse);
        assertThat(ingested.submissionPeriods()).containsExactly("2024-07", "2024Q2", "2024Q3");
        List<String> periods = ReportingCalendar.spanning(ingested).orElseThrow().periods().stream().map(Period::canonical).toList();
        // 2024Q2..2024Q3: its six months, two quarters, the half-years H1 and H2 and the year 2024.
        assertThat(periods).hasSize(11).contains("2024-04", "2024-09", "2024Q2", "2024Q3", "2024H1", "2024H2", "2024")
                .doesNotContain("2024Q1", "2023Q1", "2022Q4", "2024Q4");
    }

    @Test
    void nothingIngestedIsNoCalendar(@TempDir Path root) {
        assertThat(ReportingCalendar.spanning(IngestedTables.read(spark, WarehouseLayout.of(root)))).isEmpty();
    }
}
