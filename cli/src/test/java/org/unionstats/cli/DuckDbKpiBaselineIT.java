package org.unionstats.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.unionstats.bench.DuckDbKpiBaseline;
import org.unionstats.kpis.KpiCatalogue;

/**
 * The fair baseline of 'bench kpi': on the tiny warehouse the CLI built (generate, ingest, kpi), DuckDB computing the
 * KPI catalogue from the same Parquet gives exactly the Spark job's kpi_values, family by family; and the comparison
 * catches a single changed value.
 */
class DuckDbKpiBaselineIT {

    @Test
    void duckDbComputesTheSpark_kpi_valuesOfEveryFamily() throws Exception {
        Path base = TestWarehouse.TARGET.resolve("duckdb-kpi-it");
        TestWarehouse warehouse = TestWarehouse.build(base.resolve("data"), TestWarehouse.context(base.resolve("state")));
        Path out = base.resolve("duckdb-kpi.parquet");

        long rows = DuckDbKpiBaseline.run(warehouse.warehouse, out);
        DuckDbKpiBaseline.Comparison comparison = DuckDbKpiBaseline.compare(warehouse.warehouse, out);
        System.out.print(comparison.describe());

        assertThat(comparison.equal()).as(comparison.describe()).isTrue();
        assertThat(comparison.onlySpark()).isZero();
        assertThat(comparison.onlyDuckDb()).isZero();
        assertThat(comparison.rowsByFamily()).containsOnlyKeys(KpiCatalogue.FAMILIES);
        assertThat(comparison.rowsByFamily().values()).as("every family has KPI values").allSatisfy(r -> assertThat(r[0]).isPositive());
        assertThat(comparison.rowsByFamily().values().stream().mapToLong(r -> r[1]).sum()).isEqualTo(rows);

        // One value changed in DuckDB's output: the comparison must see it both ways.
        Path tampered = base.resolve("duckdb-kpi-tampered.parquet");
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute("COPY (SELECT org_code, period, kpi_id, breakdown,"
                    + " IF(row_number() OVER (ORDER BY org_code, period, kpi_id, breakdown) = 1, value + 1, value) AS value"
                    + " FROM read_parquet('" + out + "')) TO '" + tampered + "' (FORMAT parquet)");
        }
        DuckDbKpiBaseline.Comparison different = DuckDbKpiBaseline.compare(warehouse.warehouse, tampered);
        assertThat(different.equal()).isFalse();
        assertThat(different.onlySpark()).isEqualTo(1);
        assertThat(different.onlyDuckDb()).isEqualTo(1);
        assertThat(different.sample()).hasSize(2);
    }
}
