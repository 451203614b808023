package org.unionstats.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KpiTablesComparisonTest {

    @TempDir
    Path tmp;

    /** Writes a partitioned table with DuckDB: rows (org_code, period, value). */
    private static void table(Path warehouse, String name, String values) throws Exception {
        Path dir = Files.createDirectories(warehouse.resolve(name));
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute("COPY (SELECT * FROM (VALUES " + values + ") t(org_code, period, value)) TO '" + dir
                    + "' (FORMAT parquet, PARTITION_BY (period))");
        }
    }

    @Test
    void equalTablesAreEqualAndEveryDifferenceIsCounted() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        table(a, "kpi_values", "('130302', '2024Q4', 1.0), ('000000', '2024Q4', 2.0), ('000000', '2024Q3', 2.0)");
        table(b, "kpi_values", "('000000', '2024Q3', 2.0), ('000000', '2024Q4', 2.0), ('130302', '2024Q4', 1.0)");
        table(a, "dq_findings", "('130302', '2024Q4', 1.0), ('130302', '2024Q4', 1.0)");
        table(b, "dq_findings", "('130302', '2024Q4', 1.0), ('130302', '2024Q4', 1.5)");
        table(a, "dim_orgs", "('130302', '2024Q4', 1.0)");

        KpiTablesComparison c = KpiTablesComparison.of(a, b, List.of("kpi_values", "dq_findings", "dim_orgs", "kpi_targets"));
        System.out.print(c.describe("a", "b"));

        assertThat(c.tables()).extracting(KpiTablesComparison.Table::name)
                .containsExactly("kpi_values", "dq_findings", "dim_orgs", "kpi_targets");
        // Same rows in another order: equal.
        assertThat(c.tables().get(0)).isEqualTo(new KpiTablesComparison.Table("kpi_values", true, 3, 3, 0, 0));
        // A duplicate on one side against a changed value on the other: one row only in each (EXCEPT ALL keeps multiplicity).
        assertThat(c.tables().get(1)).isEqualTo(new KpiTablesComparison.Table("dq_findings", true, 2, 2, 1, 1));
        // Written on one side only: every row differs.
        assertThat(c.tables().get(2)).isEqualTo(new KpiTablesComparison.Table("dim_orgs", true, 1, 0, 1, 0));
        // Written on neither side: equal, and said so.
        assertThat(c.tables().get(3)).isEqualTo(new KpiTablesComparison.Table("kpi_targets", false, 0, 0, 0, 0));
        assertThat(c.equal()).isFalse();
        assertThat(c.describe("a", "b")).contains("| kpi_targets | (no data) |").endsWith("tables DIFFERENT\n");

        KpiTablesComparison same = KpiTablesComparison.of(a, b, List.of("kpi_values", "kpi_targets"));
        assertThat(same.equal()).isTrue();
        assertThat(same.describe("a", "b")).endsWith("every table EQUAL\n");
    }
}
