package org.unionstats.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.unionstats.warehouse.tables.AvroSchemas;

class ContractCatalogTest {

    private static final ContractCatalog CATALOG = ContractCatalog.load();

    private static SourceColumn column(RecordType type, String name) {
        return CATALOG.columns(type).stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no column " + name + " in " + type));
    }

    @Test
    void memberEventsColumnsInSchemaOrderWithEnglishAndChineseHeaders() {
        List<SourceColumn> columns = CATALOG.columns(RecordType.MEMBER_EVENTS);
        assertThat(columns).extracting(SourceColumn::name).containsExactly(
                "member_id", "org_code", "event_type", "event_date", "worker_category", "gender", "birth_year", "id_number");
        assertThat(columns).extracting(SourceColumn::zh).containsExactly(
                "会员编号", "所属工会代码", "变动类型", "变动日期", "职工类别", "性别", "出生年份", "身份证号");
        assertThat(columns).extracting(SourceColumn::kind).containsExactly(
                ColumnKind.PSEUDONYM, ColumnKind.ORG_CODE, ColumnKind.ENUM, ColumnKind.DATE,
                ColumnKind.ENUM, ColumnKind.ENUM, ColumnKind.BIRTH_YEAR, ColumnKind.PSEUDONYM);
        assertThat(columns).filteredOn(SourceColumn::required).extracting(SourceColumn::name)
                .containsExactly("member_id", "org_code", "event_type", "event_date");
    }

    @Test
    void memberIdFillsTheMemberKeyField() {
        SourceColumn memberId = column(RecordType.MEMBER_EVENTS, "member_id");
        assertThat(memberId.field()).isEqualTo("member_key");
        assertThat(memberId.zh()).isEqualTo("会员编号");
        assertThat(memberId.kind()).isEqualTo(ColumnKind.PSEUDONYM);
        assertThat(memberId.required()).isTrue();
        assertThat(memberId.personal()).isFalse();
        assertThat(memberId.aliases()).containsExactly("会员号", "会员ID");
        assertThat(memberId.labels()).isEmpty();
        assertThat(memberId.defaultValue()).isNull();
    }

    @Test
    void idNumberIsPersonalAndFillsItsKeyField() {
        SourceColumn id = column(RecordType.MEMBER_EVENTS, "id_number");
        assertThat(id.field()).isEqualTo("id_number_key");
        assertThat(id.personal()).isTrue();
        assertThat(id.required()).isFalse();
        assertThat(id.aliases()).containsExactly("身份证号码", "公民身份号码");

        SourceColumn head = column(RecordType.HARDSHIP_CASES, "head_id_number");
        assertThat(head.field()).isEqualTo("head_id_key");
        assertThat(head.zh()).isEqualTo("户主身份证号");
        assertThat(head.personal()).isTrue();

        SourceColumn worker = column(RecordType.COMPETITION_ENTRIES, "worker_id");
        assertThat(worker.field()).isEqualTo("worker_key");
        assertThat(worker.personal()).isFalse();
    }

    @Test
    void columnsWithoutAnExplicitColumnNameUseTheFieldName() {
        SourceColumn orgCode = column(RecordType.MEMBER_EVENTS, "org_code");
        assertThat(orgCode.field()).isEqualTo("org_code");
        assertThat(orgCode.aliases()).containsExactly("工会代码", "所属工会");
        assertThat(orgCode.displayName()).isEqualTo("所属工会代码 (org_code)");
    }

    @Test
    void eventTypeLabelsMapChineseToEnglishCodes() {
        SourceColumn eventType = column(RecordType.MEMBER_EVENTS, "event_type");
        assertThat(eventType.labels()).containsOnly(
                entry("入会", "join"), entry("退会", "leave"), entry("转入", "transfer_in"), entry("转出", "transfer_out"));
        assertThat(eventType.labels().get("入会")).isEqualTo("join");
        assertThat(eventType.displayName()).isEqualTo("变动类型 (event_type)");
    }

    @Test
    void otherLabelTablesFollowTheContract() {
        assertThat(column(RecordType.MEMBER_EVENTS, "gender").labels()).containsOnly(entry("男", "M"), entry("女", "F"));
        assertThat(column(RecordType.MEMBER_EVENTS, "worker_category").labels()).containsOnly(
                entry("普通职工", "regular"), entry("农民工", "migrant"),
                entry("新就业形态劳动者", "new_form"), entry("劳务派遣", "dispatched"));
        assertThat(column(RecordType.ORG_UNITS, "level").labels()).containsOnly(
                entry("省", "province"), entry("市", "city"), entry("县", "county"), entry("乡镇街道", "township"),
                entry("村社区", "community"), entry("行业", "industry"), entry("企业", "enterprise"));
        assertThat(column(RecordType.HARDSHIP_CASES, "status").labels()).containsOnly(
                entry("在档", "on_file"), entry("已解困脱困", "lifted_out"), entry("注销", "closed"));
        assertThat(column(RecordType.HARDSHIP_CASES, "cause").labels()).hasSize(7)
                .contains(entry("因病", "illness"), entry("单亲", "single_parent"), entry("下岗失业", "unemployment"));
        assertThat(column(RecordType.COMPETITIONS, "kind").labels()).containsOnly(
                entry("劳动竞赛", "labour"), entry("技能竞赛", "skills"), entry("技术创新", "innovation"));
        assertThat(column(RecordType.COMPETITIONS, "level").labels()).containsOnly(
                entry("国家级", "national"), entry("省级", "province"), entry("市级", "city"),
                entry("县级", "county"), entry("企业级", "enterprise"));
        assertThat(column(RecordType.COMPETITION_ENTRIES, "award").labels()).containsOnly(
                entry("一等奖", "first"), entry("二等奖", "second"), entry("三等奖", "third"),
                entry("优秀奖", "merit"), entry("无", "none"));
    }

    @Test
    void dateColumnsCarryTheirPeriodRules() {
        SourceColumn eventDate = column(RecordType.MEMBER_EVENTS, "event_date");
        assertThat(eventDate.kind()).isEqualTo(ColumnKind.DATE);
        assertThat(eventDate.periodRule()).isEqualTo("inside");
        assertThat(column(RecordType.HARDSHIP_CASES, "filed_on").periodRule()).isEqualTo("not_after_end");
        assertThat(column(RecordType.HARDSHIP_CASES, "lifted_out_on").periodRule()).isEqualTo("not_after_end");
        assertThat(column(RecordType.BALANCES, "as_of").periodRule()).isEqualTo("month_end_not_after_end");
        assertThat(column(RecordType.COMPETITIONS, "start_date").periodRule()).isNull();
        assertThat(column(RecordType.ORG_UNITS, "established_on").periodRule()).isNull();
    }

    @Test
    void rangesAndDefaultsAreRead() {
        SourceColumn household = column(RecordType.HARDSHIP_CASES, "household_size");
        assertThat(household.min()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(household.max()).isEqualByComparingTo(new BigDecimal("20"));
        SourceColumn assistance = column(RecordType.HARDSHIP_CASES, "assistance_cny");
        assertThat(assistance.zh()).isEqualTo("帮扶金额（元）");
        assertThat(assistance.kind()).isEqualTo(ColumnKind.AMOUNT);
        assertThat(assistance.min()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(assistance.max()).isNull();
        assertThat(column(RecordType.COMPETITION_ENTRIES, "entrants").min()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(column(RecordType.COMPETITIONS, "items").min()).isEqualByComparingTo(BigDecimal.ONE);
        SourceColumn award = column(RecordType.COMPETITION_ENTRIES, "award");
        assertThat(award.defaultValue()).isEqualTo("none");
        assertThat(award.required()).isFalse();
        assertThat(column(RecordType.MEMBER_EVENTS, "birth_year").min()).isNull();
    }

    @Test
    void indicatorReportsDeclareQualifierAndUnitColumns() {
        assertThat(CATALOG.columns(RecordType.INDICATOR_REPORTS)).extracting(SourceColumn::name)
                .containsExactly("org_code", "indicator_id", "value", "unit", "qualifier");
        SourceColumn qualifier = column(RecordType.INDICATOR_REPORTS, "qualifier");
        assertThat(qualifier.zh()).isEqualTo("说明");
        assertThat(qualifier.kind()).isEqualTo(ColumnKind.QUALIFIER);
        assertThat(qualifier.field()).isEqualTo("qualifier");
        assertThat(column(RecordType.INDICATOR_REPORTS, "unit").kind()).isEqualTo(ColumnKind.UNIT);
        assertThat(column(RecordType.INDICATOR_REPORTS, "indicator_id").kind()).isEqualTo(ColumnKind.INDICATOR);
        assertThat(column(RecordType.INDICATOR_REPORTS, "org_code").zh()).isEqualTo("工会代码");
    }

    @Test
    void orgUnitsDeclareTheirOwnCode() {
        assertThat(CATALOG.columns(RecordType.ORG_UNITS)).extracting(SourceColumn::name).containsExactly(
                "org_code", "name", "level", "parent_org_code", "region_code", "established_on", "workforce");
        assertThat(column(RecordType.ORG_UNITS, "org_code").kind()).isEqualTo(ColumnKind.ORG_CODE_DECLARED);
        assertThat(column(RecordType.ORG_UNITS, "parent_org_code").kind()).isEqualTo(ColumnKind.ORG_CODE);
        assertThat(column(RecordType.ORG_UNITS, "parent_org_code").required()).isFalse();
        assertThat(column(RecordType.ORG_UNITS, "region_code").kind()).isEqualTo(ColumnKind.REGION_CODE);
    }

    @Test
    void naturalKeys() {
        assertThat(CATALOG.naturalKey(RecordType.MEMBER_EVENTS))
                .containsExactly("member_key", "org_code", "event_type", "event_date");
        assertThat(CATALOG.naturalKey(RecordType.ORG_UNITS)).containsExactly("org_code");
        assertThat(CATALOG.naturalKey(RecordType.HARDSHIP_CASES)).containsExactly("case_id", "org_code");
        assertThat(CATALOG.naturalKey(RecordType.COMPETITIONS)).containsExactly("competition_id");
        assertThat(CATALOG.naturalKey(RecordType.COMPETITION_ENTRIES))
                .containsExactly("competition_id", "org_code", "enterprise_credit_code", "worker_key");
        assertThat(CATALOG.naturalKey(RecordType.INDICATOR_REPORTS)).containsExactly("org_code", "indicator_id");
        assertThat(CATALOG.naturalKey(RecordType.BALANCES)).containsExactly("org_code", "balance_type", "as_of");
        assertThat(CATALOG.naturalKey(RecordType.TARGETS)).containsExactly("issuer_code", "org_code", "kpi_id", "target_period");
    }

    @Test
    void targetsDeclareTheirColumnsAndTheKpisTheyMayName() {
        assertThat(CATALOG.columns(RecordType.TARGETS)).extracting(SourceColumn::name)
                .containsExactly("issuer_code", "org_code", "kpi_id", "target_period", "target_value", "unit", "qualifier");
        assertThat(CATALOG.columns(RecordType.TARGETS)).filteredOn(SourceColumn::required).extracting(SourceColumn::name)
                .containsExactly("issuer_code", "org_code", "kpi_id", "target_period", "target_value");
        assertThat(CATALOG.columns(RecordType.TARGETS)).extracting(SourceColumn::zh)
                .containsExactly("下达单位代码", "目标单位代码", "考核指标", "目标期间", "目标值", "单位", "说明");
        assertThat(column(RecordType.TARGETS, "issuer_code").kind()).isEqualTo(ColumnKind.REGION_CODE);
        assertThat(column(RecordType.TARGETS, "org_code").kind()).isEqualTo(ColumnKind.ORG_CODE);
        assertThat(column(RecordType.TARGETS, "kpi_id").kind()).isEqualTo(ColumnKind.KPI);
        assertThat(column(RecordType.TARGETS, "target_period").kind()).isEqualTo(ColumnKind.PERIOD);
        assertThat(column(RecordType.TARGETS, "target_period").periodRule()).isEqualTo("ends_on_or_after_start");
        assertThat(column(RecordType.TARGETS, "target_value").unit()).as("the KPI's, known once the row is read").isNull();
        assertThat(CATALOG.targetKpis().find("新增会员").orElseThrow().id()).isEqualTo("members_joined");
        assertThat(CATALOG.targetKpis().find("解困脱困户数").orElseThrow().unitZh()).isEqualTo("户");
        assertThat(CATALOG.targetKpis().find("jobs_offered").orElseThrow().measure().accepts("岗")).as("the indicator's words").isTrue();
        assertThat(CATALOG.targetKpis().find("职工入会率").orElseThrow().percent()).isTrue();
        assertThat(CATALOG.targetKpis().find("会员增长率")).isEmpty();
        assertThat(CATALOG.targetKpis().untargetable("会员增长率").orElseThrow().id()).isEqualTo("members_growth_rate");
    }

    @Test
    void balancesDeclareTheirColumnsAndTheUnitOfEachBalanceType() {
        assertThat(CATALOG.columns(RecordType.BALANCES)).extracting(SourceColumn::name)
                .containsExactly("org_code", "balance_type", "as_of", "value", "qualifier");
        assertThat(CATALOG.columns(RecordType.BALANCES)).filteredOn(SourceColumn::required).extracting(SourceColumn::name)
                .containsExactly("org_code", "balance_type", "as_of", "value");
        assertThat(column(RecordType.BALANCES, "org_code").kind()).isEqualTo(ColumnKind.ORG_CODE);
        assertThat(column(RecordType.BALANCES, "balance_type").labels()).containsOnly(
                entry("会员总数", "members"), entry("会员人数", "members"), entry("在档困难职工家庭数", "hardship_on_file"),
                entry("在档困难职工家庭", "hardship_on_file"), entry("在档困难职工", "hardship_on_file"),
                entry("困难职工建档数", "hardship_on_file"));
        SourceColumn value = column(RecordType.BALANCES, "value");
        assertThat(value.kind()).isEqualTo(ColumnKind.COUNT);
        assertThat(value.min()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(value.unit()).isNull();
        assertThat(value.unitBy().field()).isEqualTo("balance_type");
        assertThat(value.unitBy().unitFor("members").code()).isEqualTo("persons");
        assertThat(value.unitBy().unitFor("hardship_on_file").code()).isEqualTo("households");
        assertThat(value.unitBy().unitFor("hardship_on_file").accepts("户")).isTrue();
        assertThat(value.unitBy().unitFor("unknown")).isNull();
        assertThat(column(RecordType.BALANCES, "qualifier").kind()).isEqualTo(ColumnKind.QUALIFIER);
        assertThat(CATALOG.schema(RecordType.BALANCES).getField("value").schema().getType()).isEqualTo(Schema.Type.LONG);
        assertThat(CATALOG.schema(RecordType.BALANCES).getField("as_of").schema().getLogicalType()).isEqualTo(LogicalTypes.date());
    }

    @Test
    void onlyColumnsOfBalancesHaveAUnitDecidedByAnotherColumn() {
        for (RecordType type : RecordType.values()) {
            for (SourceColumn c : CATALOG.columns(type)) {
                if (c.unitBy() != null) {
                    assertThat(type + "." + c.name()).isEqualTo("BALANCES.value");
                    assertThat(CATALOG.columns(type)).extracting(SourceColumn::field).contains(c.unitBy().field());
                }
            }
        }
    }

    @Test
    void anUnknownPeriodRuleIsAMistakeInTheContract() {
        assertThatThrownBy(() -> new SourceColumn("d", "日期", "d", ColumnKind.DATE, true, List.of(), java.util.Map.of(), null, null,
                null, "before_end", false)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before_end");
    }

    @ParameterizedTest
    @EnumSource(RecordType.class)
    void everySourceColumnFillsAFieldOfItsSchemaAndEveryKeyIsAField(RecordType type) {
        Schema schema = CATALOG.schema(type);
        assertThat(schema.getType()).isEqualTo(Schema.Type.RECORD);
        assertThat(schema.getProp("x-record-type")).isEqualTo(type.code());
        assertThat(CATALOG.columns(type)).isNotEmpty()
                .allSatisfy(c -> assertThat(schema.getField(c.field())).as(c.field()).isNotNull());
        assertThat(CATALOG.naturalKey(type)).isNotEmpty()
                .allSatisfy(k -> assertThat(schema.getField(k)).as(k).isNotNull());
        for (String meta : List.of("submitter", "submission_id", "source_file", "source_row", "qualifier", "extras")) {
            assertThat(schema.getField(meta)).as(meta).isNotNull();
        }
    }

    @Test
    void memberEventsSchemaHasTheWarehouseTypes() {
        Schema schema = CATALOG.schema(RecordType.MEMBER_EVENTS);
        assertThat(schema.getFullName()).isEqualTo("org.unionstats.warehouse.MemberEvents");
        assertThat(schema.getField("member_key").schema().getType()).isEqualTo(Schema.Type.STRING);
        assertThat(schema.getField("event_date").schema().getLogicalType()).isEqualTo(LogicalTypes.date());
        assertThat(schema.getField("birth_year").schema().getType()).isEqualTo(Schema.Type.UNION);
        assertThat(schema.getField("member_id")).as("the clear member id is never a field").isNull();
        assertThat(schema.getField("id_number")).as("the clear id number is never a field").isNull();
        assertThat(CATALOG.schema(RecordType.MEMBER_EVENTS)).isSameAs(schema);
    }

    @Test
    void columnListsAreUnmodifiable() {
        List<SourceColumn> columns = CATALOG.columns(RecordType.MEMBER_EVENTS);
        assertThatThrownBy(() -> columns.remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> CATALOG.naturalKey(RecordType.MEMBER_EVENTS).add("x"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @EnumSource(RecordType.class)
    void recordSchemasAreTheWarehouseAvroSchemas(RecordType type) {
        assertThat(CATALOG.schema(type)).isEqualTo(AvroSchemas.schema(type.code()));
        assertThat(ContractCatalog.tableSchema(type.code())).isEqualTo(AvroSchemas.schema(type.code()));
    }

    @Test
    void tableSchemasOfNonRecordTables() {
        Schema quarantine = ContractCatalog.tableSchema("quarantine");
        assertThat(quarantine.getType()).isEqualTo(Schema.Type.RECORD);
        assertThat(quarantine.getFields()).isNotEmpty();
        assertThat(ContractCatalog.tableSchema("ingest_receipts").getType()).isEqualTo(Schema.Type.RECORD);
        assertThatThrownBy(() -> ContractCatalog.tableSchema("no_such_table"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unionstats/schemas/avro/no_such_table.avsc");
    }

    @Test
    void survivesJavaSerialization() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(CATALOG);
        }
        ContractCatalog copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (ContractCatalog) in.readObject();
        }
        assertThat(copy.schema(RecordType.HARDSHIP_CASES)).isEqualTo(CATALOG.schema(RecordType.HARDSHIP_CASES));
        assertThat(copy.columns(RecordType.MEMBER_EVENTS)).isEqualTo(CATALOG.columns(RecordType.MEMBER_EVENTS));
        assertThat(copy.naturalKey(RecordType.COMPETITION_ENTRIES))
                .containsExactly("competition_id", "org_code", "enterprise_credit_code", "worker_key");
    }
}
