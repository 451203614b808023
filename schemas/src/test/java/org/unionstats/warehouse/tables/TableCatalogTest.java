package org.unionstats.warehouse.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unionstats.kpis.KpiCatalogue;
import org.unionstats.kpis.KpiDefinition;
import org.unionstats.kpis.KpiFamily;

class TableCatalogTest {

    private final TableCatalog catalog = TableCatalog.load();

    @Test
    void everyTableIsInAKnownSchemaWithABilingualComment() {
        assertThat(catalog.schemas()).containsOnlyKeys("warehouse", "kpi", "ops");
        assertThat(catalog.tables()).hasSize(30);
        assertThat(catalog.tables()).anyMatch(t -> t.schema().equals("ops") && t.name().equals("pipeline_runs"));
        for (TableSpec t : catalog.tables()) {
            assertThat(t.comment()).as(t.name()).contains("/");
            assertThat(t.columns()).as(t.name()).isNotEmpty();
            t.columns().forEach((c, comment) -> assertThat(comment).as(t.name() + "." + c).isNotBlank().contains("/"));
        }
    }

    @Test
    void everyDocumentedColumnHasATypeSoATableWithoutDataCanBePublished() {
        for (TableSpec t : catalog.tables()) {
            assertThat(t.columnTypes().keySet()).as(t.name()).containsExactlyElementsOf(t.columns().keySet());
            t.columnTypes().forEach((c, type) -> assertThat(ColumnTypes.isKnown(type)).as(t.name() + "." + c + ": " + type).isTrue());
        }
        // Declared in tables.yaml (column_types), as the letters module's DuckDB tables write them.
        assertThat(table("letters_issued").columnTypes()).containsEntry("issued_at", "timestamp").containsEntry("edition", "int")
                .containsEntry("follow_ups", "string");
        assertThat(table("dq_findings").columnTypes()).containsEntry("value", "double").containsEntry("rule_id", "string");
        // From the Avro schemas: a nullable field has its value's type.
        assertThat(table("hardship_cases").columnTypes()).containsEntry("assistance_cny", "decimal(18,2)").containsEntry("lifted_out_on", "date")
                .containsEntry("household_size", "int");
        assertThat(table("ingest_receipts").columnTypes()).containsEntry("received_at", "timestamp").containsEntry("rows_read", "bigint");
        // From the KPI catalogue: values are doubles, qualifiers text.
        assertThat(table("kpi_membership").columnTypes()).containsEntry("members_end", "double").containsEntry("org_level", "string")
                .containsEntry("members_end_qualifier", "string");
    }

    @Test
    void dimensionsWrittenWholeAndTheRunHistoryAreTheTablesNotPartitionedByPeriod() {
        assertThat(catalog.tables().stream().filter(t -> !t.partitioned()).map(TableSpec::folder))
                .containsExactlyInAnyOrder("dim_orgs", "dim_periods", "org_ancestors", "dim_kpis", "pipeline_runs");
        // Within its periods, kpi_values is partitioned by KPI family: a family recomputed alone rewrites its own files.
        assertThat(catalog.tables().stream().filter(t -> t.partitionedBy().size() > 1).map(TableSpec::folder)).containsExactly("kpi_values");
        assertThat(table("kpi_values").partitionedBy()).containsExactly("period", "family");
        assertThat(table("kpi_membership").partitionedBy()).containsExactly("period");
    }

    @Test
    void aColumnWithoutATypeAnUnknownTypeOrATypeForNoColumnFailsNamingTableAndColumn() {
        Map<String, String> columns = new LinkedHashMap<>(Map.of("depth", "层级 / Depth"));
        assertThatThrownBy(() -> TableCatalog.typesOfEvery("warehouse.org_ancestors", columns, Map.of()))
                .hasMessageContaining("warehouse.org_ancestors").hasMessageContaining("depth").hasMessageContaining("column_types");
        assertThatThrownBy(() -> TableCatalog.typesOfEvery("warehouse.org_ancestors", columns, Map.of("depth", "integer")))
                .hasMessageContaining("depth").hasMessageContaining("integer");
        assertThatThrownBy(() -> TableCatalog.typesOfEvery("warehouse.org_ancestors", columns, Map.of("depth", "int", "dpeth", "int")))
                .hasMessageContaining("dpeth").hasMessageContaining("does not document");
        assertThat(TableCatalog.typesOfEvery("warehouse.org_ancestors", columns, Map.of("depth", "int"))).containsExactly(Map.entry("depth", "int"));
    }

    @Test
    void ingestedTablesTakeTheirCommentsFromTheAvroSchemas() {
        TableSpec quarantine = table("quarantine");
        assertThat(quarantine.schema()).isEqualTo("ops");
        assertThat(quarantine.columns().get("raw_row")).contains("原始行");
        assertThat(quarantine.comment()).contains("隔离区");
    }

    @Test
    void balancesAreAnIngestedWarehouseTable() {
        TableSpec balances = table("balances");
        assertThat(balances.schema()).isEqualTo("warehouse");
        assertThat(balances.name()).isEqualTo("balances");
        assertThat(balances.writer()).isEqualTo(Writer.INGEST);
        assertThat(balances.comment()).contains("存量报告");
        assertThat(balances.columns()).containsKeys("org_code", "balance_type", "as_of", "value", "qualifier", "submitter");
        assertThat(catalog.foldersWrittenBy(Writer.INGEST)).contains("balances");
    }

    @Test
    void issuedLettersAreTheLetterCommandsOwnTablesInTheKpiSchema() {
        // The KPI job rewrites its own folders only: an issued letter must survive every later KPI run.
        assertThat(catalog.foldersWrittenBy(Writer.LETTERS)).containsExactly("letters_issued", "letter_items", "county_evaluation",
                "letter_figures");
        assertThat(catalog.foldersWrittenBy(Writer.KPI)).doesNotContain("letters_issued", "letter_figures");
        assertThat(table("letters_issued").schema() + "." + table("letters_issued").name()).isEqualTo("kpi.letters_issued");
        assertThat(table("letters_issued").columns()).containsKeys("letter_id", "edition", "issue_id", "evaluation", "priorities", "signed");
        assertThat(table("letter_figures").schema()).isEqualTo("kpi");
        assertThat(table("letter_figures").columns()).containsKeys("letter_id", "edition", "issue_id", "kpi_id", "value", "value_text");
    }

    @Test
    void opinionsAndFeedbackAreIngestedRecordsWithTheirColumnsDocumented() {
        TableSpec opinions = table("opinions");
        assertThat(opinions.schema() + "." + opinions.name()).isEqualTo("warehouse.opinions");
        assertThat(opinions.writer()).isEqualTo(Writer.INGEST);
        assertThat(opinions.comment()).contains("部门意见");
        assertThat(opinions.columns()).containsKeys("issuer_code", "department", "county_code", "kpi_id", "text", "due_period");
        TableSpec feedback = table("feedback");
        assertThat(feedback.schema() + "." + feedback.name()).isEqualTo("warehouse.feedback");
        assertThat(feedback.writer()).isEqualTo(Writer.INGEST);
        assertThat(feedback.comment()).contains("意见反馈");
        assertThat(feedback.columns()).containsKeys("item_id", "status", "text", "submitter");
    }

    @Test
    void theLedgerIsServedAsAViewOfTheIssuedItemsAndTheirLatestFeedback() {
        TableSpec items = table("letter_items");
        assertThat(items.writer()).isEqualTo(Writer.LETTERS);
        assertThat(items.schema() + "." + items.name()).isEqualTo("kpi.letter_items");
        ViewSpec view = catalog.views().stream().filter(v -> v.qualifiedName().equals("kpi.ledger_items")).findFirst().orElseThrow();
        assertThat(view.sql()).contains("kpi.letter_items", "warehouse.feedback", "ops.ingest_receipts");
        // The columns a dashboard reads, each documented here, in the letter_items table or by the feedback schema.
        for (String column : List.of("item_id", "letter_id", "city_code", "county_code", "county_name", "issued_period", "due_period",
                "source", "department", "kpi_id", "text", "status", "status_period", "feedback_text", "overdue")) {
            assertThat(view.sql()).as(column).containsPattern("(AS |i\\.)" + column + "(,|\\n)");
            assertThat(catalog.viewColumnComment(view, column)).as(column).isNotBlank().contains("/");
        }
    }

    @Test
    void targetsAreIngestedAndEvaluatedByTheKpiJobBehindAView() {
        TableSpec targets = table("targets");
        assertThat(targets.schema()).isEqualTo("warehouse");
        assertThat(targets.writer()).isEqualTo(Writer.INGEST);
        assertThat(targets.comment()).contains("目标任务");
        assertThat(targets.columns()).containsKeys("issuer_code", "org_code", "kpi_id", "target_period", "target_value", "unit");
        TableSpec evaluated = table("kpi_targets");
        assertThat(evaluated.writer()).isEqualTo(Writer.KPI);
        assertThat(evaluated.schema() + "." + evaluated.name()).isEqualTo("kpi.fact_targets");
        assertThat(evaluated.columns().keySet()).containsExactly("org_code", "org_level", "issuer_code", "kpi_id", "target_period",
                "target_period_type", "unit", "target_value", "actual_value", "attainment_pct", "opening_value", "expected_value",
                "expected_pace_pct", "on_pace", "period_type");
        ViewSpec view = catalog.views().stream().filter(v -> v.qualifiedName().equals("kpi.targets")).findFirst().orElseThrow();
        assertThat(view.sql()).contains("kpi.fact_targets", "warehouse.dim_orgs", "kpi.dim_kpis");
        for (String column : List.of("period", "period_type", "org_code", "org_name", "org_level", "province", "city", "county",
                "issuer_code", "issuer_name", "kpi_id", "kpi_name_zh", "kpi_name_en", "target_period", "target_period_type", "unit",
                "target_value", "actual_value", "attainment_pct", "opening_value", "expected_value", "expected_pace_pct", "on_pace")) {
            assertThat(catalog.viewColumnComment(view, column)).as(column).isNotBlank().contains("/");
        }
    }

    @Test
    void receiptsDocumentWhenAFileWasFirstReceived() {
        assertThat(table("ingest_receipts").columns().get("received_at")).contains("首次收到时间").contains("modification time");
    }

    @Test
    void kpiWideTablesHaveOneDocumentedColumnPerCatalogueKpi() {
        TableSpec membership = table("kpi_membership");
        assertThat(membership.columns()).containsKeys("org_code", "members_end", "members_growth_rate", "membership_rate");
        assertThat(membership.columns().get("members_growth_rate")).contains("会员增长率");
        KpiDefinition kpi = KpiCatalogue.load().get("members_growth_rate");
        assertThat(membership.columns().get("members_growth_rate"))
                .isEqualTo(kpi.nameZh() + " / " + kpi.nameEn() + "（" + kpi.unit() + "）：" + kpi.description());
        assertThat(membership.columns().keySet()).containsSubsequence(KpiCatalogue.load().family("membership").kpis().stream()
                .map(KpiDefinition::id).toList());
    }

    @Test
    void familyTablesHaveAValueAndAQualifierColumnPerKpiOfTheFamilyAndNoOtherTableHoldsBasicUnionKpis() {
        for (KpiFamily family : KpiCatalogue.load().families()) {
            TableSpec table = catalog.tables().stream().filter(t -> family.family().equals(t.kpiFamily())).findFirst().orElseThrow();
            assertThat(table.writer()).isEqualTo(Writer.KPI);
            List<String> expected = new java.util.ArrayList<>(List.of("org_code", "org_level", "period_type"));
            family.kpis().forEach(k -> expected.addAll(List.of(k.id(), k.id() + "_qualifier")));
            assertThat(table.columns().keySet()).as(table.name()).containsExactlyElementsOf(expected);
            assertThat(table.columns().values()).allSatisfy(c -> assertThat(c).contains("/"));
        }
        assertThat(catalog.tables()).extracting(TableSpec::folder).doesNotContain("kpi_basic_unions");
    }

    @Test
    void viewsIncludeKpiValuesAndOneWideViewPerFamilyWithEveryColumnDocumented() {
        List<String> names = catalog.views().stream().map(ViewSpec::qualifiedName).toList();
        assertThat(names).contains("kpi.kpi_values", "warehouse.dim_regions", "ops.runs", "kpi.membership", "kpi.hardship", "kpi.competitions",
                "kpi.indicators");
        ViewSpec kpiValues = catalog.views().stream().filter(v -> v.name().equals("kpi_values")).findFirst().orElseThrow();
        assertThat(kpiValues.sql()).contains("kpi.fact_kpi_values", "warehouse.dim_orgs", "kpi.dim_kpis");
        // The basic unions' KPIs are unnested from each family table with lists generated from the KPI catalogue.
        assertThat(kpiValues.sql()).doesNotContain("${").contains("FROM unionstats.kpi.fact_membership f")
                .contains("FROM unionstats.kpi.fact_competitions f").contains("ARRAY['members_joined', ")
                .contains("f.members_joined_qualifier").doesNotContain("f.hardship_lift_out_rate_qualifier, f.members");
        for (String column : List.of("org_code", "org_name", "org_level", "province", "city", "county", "period", "period_type", "kpi_id",
                "kpi_name_zh", "kpi_name_en", "value", "unit", "qualifier")) {
            assertThat(catalog.viewColumnComment(kpiValues, column)).as(column).isNotBlank();
        }
        ViewSpec hardship = catalog.views().stream().filter(v -> v.name().equals("hardship")).findFirst().orElseThrow();
        assertThat(hardship.sql()).contains("f.hardship_lift_out_rate").contains("unionstats.kpi.fact_hardship");
        assertThat(catalog.viewColumnComment(hardship, "hardship_lift_out_rate")).contains("/");
    }

    private TableSpec table(String folder) {
        return catalog.tables().stream().filter(t -> t.folder().equals(folder)).findFirst().orElseThrow();
    }
}
