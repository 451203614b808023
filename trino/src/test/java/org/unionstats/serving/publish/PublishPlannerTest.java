package org.unionstats.serving.publish;
import org.unionstats.warehouse.tables.TableCatalog;
import org.unionstats.warehouse.tables.ViewSpec;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

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

        assertThat(plan.tables()).hasSize(TableCatalog.load().tables().size());
        assertThat(plan.tables()).filteredOn(t -> !t.location().endsWith("/_no_data")).extracting(TableDefinition::qualifiedName)
                .containsExactlyInAnyOrder("kpi.dim_kpis", "ops.ingest_receipts");
        TableDefinition receipts = table(plan, "ingest_receipts");
        assertThat(receipts.partitioned()).isTrue();
        assertThat(receipts.columns().get(receipts.columns().size() - 1)).isEqualTo(new Column("period", "varchar",
                TableCatalog.load().glossary().get("period")));
        assertThat(receipts.columns()).anySatisfy(c -> assertThat(c).isEqualTo(new Column("rows_read", "bigint", c.comment())));
        assertThat(receipts.columns()).anySatisfy(c -> assertThat(c.type()).isEqualTo("timestamp(3)"));
        assertThat(receipts.location()).isEqualTo("local://" + warehouse.resolve("ingest_receipts").toAbsolutePath());
        assertThat(receipts.ddl("ingest_receipts")).contains("partitioned_by = ARRAY['period']").contains("format = 'PARQUET'");
        assertThat(plan.views()).as("every view, whether its tables have data or not").extracting(ViewSpec::qualifiedName)
                .containsExactlyInAnyOrderElementsOf(TableCatalog.load().views().stream().map(ViewSpec::qualifiedName).toList());
        assertThat(plan.empty()).contains("member_events", "kpi_values", "letters_issued").doesNotContain("dim_kpis", "ingest_receipts");
        assertThat(warehouse.resolve("_no_data")).as("planning changes nothing").doesNotExist();

        PublishPlanner.Plan linked = new PublishPlanner(TableCatalog.load()).plan(warehouse, "local:///warehouses/warehouse-0123456789ab");
        assertThat(linked.tables()).extracting(TableDefinition::location).as("the embedded server reads the warehouse through its link")
                .contains("local:///warehouses/warehouse-0123456789ab/dim_kpis", "local:///warehouses/warehouse-0123456789ab/ingest_receipts",
                        "local:///warehouses/warehouse-0123456789ab/_no_data");
    }

    @Test
    void aFolderWithNoDataYetIsAnEmptyTableOverTheEmptyFolderWithTheDeclaredTypes() throws Exception {
        write("dim_kpis/part-0.parquet", DIM_KPIS);
        // letters_issued: no folder at all; letter_items: a folder with nothing in it; ingest_receipts: a partition but no file.
        Files.createDirectories(warehouse.resolve("letter_items"));
        Files.createDirectories(warehouse.resolve("ingest_receipts/period=2024Q3"));

        PublishPlanner.Plan plan = new PublishPlanner(TableCatalog.load()).plan(warehouse);

        assertThat(plan.empty()).contains("letters_issued", "letter_items", "ingest_receipts", "pipeline_runs", "dq_findings");
        TableDefinition issued = table(plan, "letters_issued");
        assertThat(issued.location()).isEqualTo("local://" + warehouse.toAbsolutePath().resolve("_no_data"));
        assertThat(issued.partitioned()).isTrue();
        // The 22 columns of tables.yaml in their order, period (the partition) last: issued_at declared timestamp, edition int.
        assertThat(issued.columns()).hasSize(23);
        assertThat(issued.columns().subList(0, 4)).extracting(Column::name, Column::type).containsExactly(
                tuple("letter_id", "varchar"), tuple("edition", "integer"), tuple("issue_id", "varchar"), tuple("issued_at", "timestamp(3)"));
        assertThat(issued.columns().get(22)).extracting(Column::name, Column::type).containsExactly("period", "varchar");
        assertThat(issued.columns()).allSatisfy(c -> assertThat(c.comment()).doesNotContain("Undocumented"));
        // From the Avro schema: file_modified_at is timestamp-millis, rows_read long.
        assertThat(table(plan, "ingest_receipts").columns()).contains(
                new Column("rows_read", "bigint", TableCatalog.load().tables().stream().filter(t -> t.folder().equals("ingest_receipts"))
                        .findFirst().orElseThrow().columns().get("rows_read")));
        assertThat(table(plan, "hardship_cases").columns()).extracting(Column::name, Column::type).contains(tuple("assistance_cny", "decimal(18, 2)"));
        // A dimension written whole, and the run history, are not partitioned: dim_periods keeps its own period column.
        TableDefinition periods = table(plan, "dim_periods");
        assertThat(periods.partitioned()).isFalse();
        assertThat(periods.ddl("dim_periods")).doesNotContain("partitioned_by");
        assertThat(periods.columns()).extracting(Column::name).containsExactly("period", "period_type", "start_date", "end_date",
                "previous_period", "year_ago_period");
        assertThat(table(plan, "pipeline_runs").partitioned()).isFalse();
        // KPI values are doubles, their qualifiers text.
        assertThat(table(plan, "kpi_membership").columns()).extracting(Column::name, Column::type)
                .contains(tuple("members_end", "double"), tuple("members_end_qualifier", "varchar"));
    }

    @Test
    void aTablePartitionedWithinItsPeriodsHasEveryPartitionColumnLastInFolderOrder() throws Exception {
        // kpi_values: period=…/family=… folders, the files holding neither column.
        write("kpi_values/period=2024Q3/family=membership/part-0.parquet", "SELECT '130302' AS org_code, 'county' AS org_level, "
                + "'quarter' AS period_type, 'members_end' AS kpi_id, '' AS breakdown, 61234.0::DOUBLE AS value, NULL::DOUBLE AS numerator, "
                + "NULL::DOUBLE AS denominator, 'exact' AS qualifier");

        TableDefinition values = table(new PublishPlanner(TableCatalog.load()).plan(warehouse), "kpi_values");

        assertThat(values.location()).endsWith("/kpi_values");
        assertThat(values.partitionedBy()).containsExactly("period", "family");
        assertThat(values.columns()).extracting(Column::name).containsExactly("org_code", "org_level", "period_type", "kpi_id",
                "breakdown", "value", "numerator", "denominator", "qualifier", "period", "family");
        assertThat(values.columns().get(10).comment()).isEqualTo(TableCatalog.load().glossary().get("family"));
        // As SHOW CREATE TABLE prints it, so an unchanged table is recognised.
        assertThat(values.ddl("fact_kpi_values")).contains("partitioned_by = ARRAY['period','family']");
    }

    @Test
    void aFileInTheEmptyFolderFailsBeforeAnythingIsPublished() throws Exception {
        write("dim_kpis/part-0.parquet", DIM_KPIS);
        write("_no_data/part-0.parquet", DIM_KPIS);
        assertThatThrownBy(() -> new PublishPlanner(TableCatalog.load()).plan(warehouse))
                .hasMessageContaining("_no_data").hasMessageContaining("part-0.parquet").hasMessageContaining("Nothing was published");
    }

    @Test
    void aDeclaredTypeTheFilesDisagreeWithFailsNamingTableAndColumn() throws Exception {
        // org_ancestors.depth is declared int; a job that wrote it as text would publish a varchar column once data arrives.
        write("org_ancestors/part-0.parquet", "SELECT 'a' AS org_code, 'b' AS ancestor_code, '0' AS depth");
        assertThatThrownBy(() -> new PublishPlanner(TableCatalog.load()).plan(warehouse))
                .hasMessageContaining("warehouse.org_ancestors").hasMessageContaining("depth is declared int (integer in Trino), the files hold varchar")
                .hasMessageContaining("Nothing was published");
    }

    @Test
    void aFolderLaidOutOtherwiseThanDeclaredFails() throws Exception {
        write("dim_kpis/period=2024Q3/part-0.parquet", DIM_KPIS);
        assertThatThrownBy(() -> new PublishPlanner(TableCatalog.load()).plan(warehouse))
                .hasMessageContaining("dim_kpis").hasMessageContaining("partitioned: false").hasMessageContaining("Nothing was published");
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
    void declaredTypesMapToTheTypesTheFilesGive() {
        assertThat(TrinoTypes.of("decimal(18,2)")).isEqualTo(ParquetColumns.trinoType("DECIMAL(18,2)", "t.c")).isEqualTo("decimal(18, 2)");
        assertThat(TrinoTypes.of("timestamp")).isEqualTo(ParquetColumns.trinoType("TIMESTAMP WITH TIME ZONE", "t.c"))
                .isEqualTo(ParquetColumns.trinoType("TIMESTAMP", "t.c"));
        assertThat(TrinoTypes.of("int")).isEqualTo(ParquetColumns.trinoType("INTEGER", "t.c"));
        assertThat(TrinoTypes.of("bigint")).isEqualTo(ParquetColumns.trinoType("BIGINT", "t.c"));
        assertThat(TrinoTypes.of("string")).isEqualTo(ParquetColumns.trinoType("VARCHAR", "t.c"));
        assertThat(TrinoTypes.of("double")).isEqualTo(ParquetColumns.trinoType("DOUBLE", "t.c"));
        assertThat(TrinoTypes.of("boolean")).isEqualTo(ParquetColumns.trinoType("BOOLEAN", "t.c"));
        assertThat(TrinoTypes.of("date")).isEqualTo(ParquetColumns.trinoType("DATE", "t.c"));
        assertThatThrownBy(() -> TrinoTypes.of("text")).hasMessageContaining("text");
    }

    @Test
    void parquetTypesMapToHiveConnectorTypes() {
        assertThat(ParquetColumns.trinoType("DECIMAL(18,2)", "t.c")).isEqualTo("decimal(18, 2)");
        assertThat(ParquetColumns.trinoType("TIMESTAMP WITH TIME ZONE", "t.c")).isEqualTo("timestamp(3)");
        assertThat(ParquetColumns.trinoType("INTEGER", "t.c")).isEqualTo("integer");
        assertThatThrownBy(() -> ParquetColumns.trinoType("STRUCT(a INTEGER)", "t.c")).hasMessageContaining("t.c");
    }

    private static TableDefinition table(PublishPlanner.Plan plan, String folder) {
        String name = TableCatalog.load().tables().stream().filter(t -> t.folder().equals(folder)).findFirst().orElseThrow().name();
        return plan.tables().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private void write(String file, String select) throws Exception {
        Path target = warehouse.resolve(file);
        Files.createDirectories(target.getParent());
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement()) {
            st.execute("COPY (" + select + ") TO '" + target + "' (FORMAT PARQUET)");
        }
    }
}
