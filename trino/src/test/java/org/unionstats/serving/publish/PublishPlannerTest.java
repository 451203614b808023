package org.unionstats.serving.publish;
import org.unionstats.warehouse.tables.TableCatalog;
import org.unionstats.warehouse.tables.ViewSpec;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishPlannerTest {

    @TempDir
    Path warehouse;

    private static final String DIM_KPIS = "SELECT 'members_end' AS kpi_id, 'membership' AS family, '期末会员数' AS name_zh, 'Members' AS name_en, "
            + "'d' AS description, 'persons' AS unit, 'stock' AS additivity, 'up' AS better, 'member_events' AS source, NULL::VARCHAR AS breakdown";

    @Test
    void plansTheFoldersPresentWithTypesFromTheParquetFiles() throws Exception {
        write("dim_kpis/part-0.parquet", DIM_KPIS);
        write("ingest_receipts/period=2024Q3/part-0.parquet", "SELECT 'a' AS submission_id, 'h' AS sha256, 'f' AS source_file, 's' AS submitter, "
                + "'member_events' AS record_type, 'csv' AS format, TIMESTAMPTZ '2024-10-01 00:00:00+00' AS file_modified_at, 1::BIGINT AS rows_read, "
                + "1::BIGINT AS accepted, 0::BIGINT AS duplicates, 0::BIGINT AS quarantined, 'current' AS status, NULL::VARCHAR AS replaced_by, "
                + "'r' AS run_id, TIMESTAMPTZ '2024-10-02 00:00:00+00' AS ingested_at, TIMESTAMPTZ '2024-10-02 00:00:00+00' AS received_at");
        Files.createDirectories(warehouse.resolve("_staging/run/member_events"));
        Files.writeString(warehouse.resolve("_kpi_state.json"), "{}");

        PublishPlanner.Plan plan = new PublishPlanner(TableCatalog.load()).plan(warehouse);

        assertThat(plan.tables()).extracting(TableDefinition::qualifiedName).containsExactlyInAnyOrder("kpi.dim_kpis", "ops.ingest_receipts");
        TableDefinition receipts = plan.tables().stream().filter(t -> t.name().equals("ingest_receipts")).findFirst().orElseThrow();
        assertThat(receipts.partitioned()).isTrue();
        assertThat(receipts.columns().get(receipts.columns().size() - 1)).isEqualTo(new Column("period", "varchar",
                TableCatalog.load().glossary().get("period")));
        assertThat(receipts.columns()).anySatisfy(c -> assertThat(c).isEqualTo(new Column("rows_read", "bigint", c.comment())));
        assertThat(receipts.columns()).anySatisfy(c -> assertThat(c.type()).isEqualTo("timestamp(3)"));
        assertThat(receipts.location()).isEqualTo("local://" + warehouse.resolve("ingest_receipts").toAbsolutePath());
        assertThat(receipts.ddl("ingest_receipts")).contains("partitioned_by = ARRAY['period']").contains("format = 'PARQUET'");
        assertThat(plan.views()).as("views wait for the tables they read").extracting(ViewSpec::qualifiedName).containsExactly("ops.runs");
        assertThat(plan.skipped()).contains("member_events", "kpi_values");

        PublishPlanner.Plan linked = new PublishPlanner(TableCatalog.load()).plan(warehouse, "local:///warehouses/warehouse-0123456789ab");
        assertThat(linked.tables()).extracting(TableDefinition::location).as("the embedded server reads the warehouse through its link")
                .containsExactlyInAnyOrder("local:///warehouses/warehouse-0123456789ab/dim_kpis",
                        "local:///warehouses/warehouse-0123456789ab/ingest_receipts");
    }

    @Test
    void aDeclaredColumnMissingFromTheFilesFailsBeforeAnythingIsPublished() throws Exception {
        write("dim_kpis/part-0.parquet", "SELECT * EXCLUDE (unit) FROM (" + DIM_KPIS + ")");
        assertThatThrownBy(() -> new PublishPlanner(TableCatalog.load()).plan(warehouse))
                .hasMessageContaining("dim_kpis").hasMessageContaining("unit").hasMessageContaining("Nothing was published");
    }

    @Test
    void anEmptyWarehouseIsABadArgument() {
        assertThatThrownBy(() -> new PublishPlanner(TableCatalog.load()).plan(warehouse)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parquetTypesMapToHiveConnectorTypes() {
        assertThat(ParquetColumns.trinoType("DECIMAL(18,2)", "t.c")).isEqualTo("decimal(18, 2)");
        assertThat(ParquetColumns.trinoType("TIMESTAMP WITH TIME ZONE", "t.c")).isEqualTo("timestamp(3)");
        assertThat(ParquetColumns.trinoType("INTEGER", "t.c")).isEqualTo("integer");
        assertThatThrownBy(() -> ParquetColumns.trinoType("STRUCT(a INTEGER)", "t.c")).hasMessageContaining("t.c");
    }

    private void write(String file, String select) throws Exception {
        Path target = warehouse.resolve(file);
        Files.createDirectories(target.getParent());
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement()) {
            st.execute("COPY (" + select + ") TO '" + target + "' (FORMAT PARQUET)");
        }
    }
}
