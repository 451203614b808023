package org.unionstats.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionstats.validation.ValidationFixture.accepted;
import static org.unionstats.validation.ValidationFixture.single;
import static org.unionstats.validation.ValidationFixture.with;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 目标任务: 定西市 621100 sends its 2024 目标任务书 to its counties in its 2024Q1 folder (渭源县 621123 is to develop
 * some 1 200 new members, close to the 1 139 of the seed); 甘肃省 620000 sets the city's targets.
 */
class TargetsValidationTest {

    private static final String CITY = "621100/2024Q1/目标任务.csv";
    private static final String PROVINCE = "620000/2024Q1/targets.csv";

    private static final String[] ROW = {
        "下达单位代码", "621100",
        "目标单位代码", "621123",
        "考核指标", "发展新会员",
        "目标期间", "2024年",
        "目标值", "1200人",
    };

    private static final String[] ENGLISH = {
        "issuer_code", "620000",
        "org_code", "621100",
        "kpi_id", "members_joined",
        "target_period", "2024",
        "target_value", "12000",
    };

    @Test
    void anAnnualTargetOfACityForItsCountyIsTyped() {
        ValidatedRow row = accepted(CITY, ROW);
        assertThat(row.values()).containsOnlyKeys("issuer_code", "org_code", "kpi_id", "target_period", "target_value", "unit");
        assertThat(row.values().get("issuer_code")).isEqualTo("621100");
        assertThat(row.values().get("org_code")).isEqualTo("621123");
        assertThat(row.values().get("kpi_id")).isEqualTo("members_joined");
        assertThat(row.values().get("target_period")).isEqualTo("2024");
        assertThat((BigDecimal) row.values().get("target_value")).isEqualByComparingTo("1200");
        assertThat(row.values().get("unit")).isEqualTo("persons");
    }

    @ParameterizedTest
    @CsvSource({
        "2024年, 2024",
        "2024年度, 2024",
        "2024, 2024",
        "2024Q2, 2024Q2",
        "2024年第二季度, 2024Q2",
        "2024年第4季度, 2024Q4",
        "2025Q1, 2025Q1",
    })
    void aYearOrAQuarterIsStoredCanonical(String written, String canonical) {
        assertThat(accepted(CITY, with(ROW, "目标期间", written)).values().get("target_period")).isEqualTo(canonical);
    }

    @ParameterizedTest
    @CsvSource({
        "发展新会员, members_joined",
        "新增会员, members_joined",
        "新入会会员数, members_joined",
        "members_joined, members_joined",
        "解困脱困户数, hardship_lifted_out",
        "解困脱困, hardship_lifted_out",
        "竞赛参与人数, competition_entrants",
        "参赛职工, competition_entrants",
        "会员总数, members_end",
        "提供就业岗位, jobs_offered",
    })
    void kpisByIdChineseNameOrAlias(String written, String id) {
        assertThat(accepted(CITY, with(ROW, "考核指标", written, "目标值", "30")).values().get("kpi_id")).isEqualTo(id);
    }

    @Test
    void theProvinceSetsTheCitysTargetsInEnglishToo() {
        ValidatedRow row = accepted(PROVINCE, ENGLISH);
        assertThat(row.values().get("issuer_code")).isEqualTo("620000");
        assertThat((BigDecimal) row.values().get("target_value")).isEqualByComparingTo("12000");
        // A province may also set a county's target directly, and the country a province's.
        assertThat(accepted(PROVINCE, with(ENGLISH, "org_code", "621123")).values().get("org_code")).isEqualTo("621123");
        assertThat(accepted("000000/2024/targets.csv", with(ENGLISH, "issuer_code", "000000", "org_code", "620000"))
                .values().get("issuer_code")).isEqualTo("000000");
    }

    @Test
    void aCountySetsTargetsForItsBasicUnions() {
        ValidatedRow row = accepted("130306/2024Q3/目标任务.xlsx", with(ROW, "下达单位代码", "130306", "目标单位代码", "130306-0001",
                "目标期间", "2024Q3", "目标值", "40"));
        assertThat(row.values().get("org_code")).isEqualTo("130306-0001");
        assertThat(accepted("130300/2024Q3/目标任务.xlsx", with(ROW, "下达单位代码", "130300", "目标单位代码", "130306-0042",
                "目标期间", "2024Q3", "目标值", "40")).values().get("issuer_code")).isEqualTo("130300");
    }

    @ParameterizedTest
    @CsvSource({
        "1.2万人, 12000",
        "1.2万, 12000",
        "一千二百, 1200",
        "'1,200', 1200",
        "1200名, 1200",
    })
    void valuesAsLettersWriteThem(String written, String value) {
        assertThat((BigDecimal) accepted(CITY, with(ROW, "目标值", written)).values().get("target_value")).isEqualByComparingTo(value);
    }

    @Test
    void aUnitColumnScalesABareNumber() {
        ValidatedRow row = accepted(CITY, with(ROW, "目标值", "1.2", "单位", "万人"));
        assertThat((BigDecimal) row.values().get("target_value")).isEqualByComparingTo("12000");
        assertThat(row.values().get("unit")).isEqualTo("persons");
        ValidatedRow cny = accepted(CITY, with(ROW, "考核指标", "金秋助学资助金额", "目标值", "35", "单位", "万元"));
        assertThat((BigDecimal) cny.values().get("target_value")).isEqualByComparingTo("350000");
        assertThat(cny.values().get("unit")).isEqualTo("CNY");
    }

    @ParameterizedTest
    @CsvSource({
        "92%, 0.92",
        "92％, 0.92",
        "0.92, 0.92",
        "87.5%, 0.875",
    })
    void aRateIsStoredAsAFraction(String written, String fraction) {
        ValidatedRow row = accepted(PROVINCE, with(ENGLISH, "kpi_id", "入会率", "target_value", written));
        assertThat(row.values().get("kpi_id")).isEqualTo("membership_rate");
        assertThat((BigDecimal) row.values().get("target_value")).isEqualByComparingTo(fraction);
        assertThat(row.values().get("unit")).isEqualTo("ratio");
    }

    @Test
    void aCeilingOnFamiliesOnFileIsATarget() {
        ValidatedRow row = accepted(CITY, with(ROW, "考核指标", "在档困难职工户数", "目标值", "300户"));
        assertThat(row.values().get("kpi_id")).isEqualTo("hardship_on_file_end");
        assertThat(row.values().get("unit")).isEqualTo("households");
    }

    // ---- who may set a target for whom ----

    @Test
    void aCountyCannotSetItsCitysTarget() {
        Violation v = single(CITY, with(ROW, "下达单位代码", "621123", "目标单位代码", "621100"));
        assertThat(v.code()).isEqualTo("ISSUER_NOT_ABOVE");
        assertThat(v.column()).isEqualTo("org_code");
        assertThat(v.messageZh()).isEqualTo("下达单位 621123（渭源县）不是目标单位「621100」的上级工会："
                + "目标由地区总工会向其下级下达（如省总工会→市总工会，市总工会→县区总工会）");
        assertThat(v.messageEn()).isEqualTo("the issuer 621123 is not above the target union '621100' in the hierarchy; a regional"
                + " federation sets targets for the unions below it (province → city, city → county)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"621100", "130306", "620000", "130306-0001"})
    void theTargetUnionMustBeBelowTheIssuer(String org) {
        Violation v = single(CITY, with(ROW, "目标单位代码", org));
        assertThat(v.code()).isEqualTo("ISSUER_NOT_ABOVE");
        assertThat(v.messageZh()).contains("「" + org + "」");
    }

    @Test
    void aCountySubmittingItsCitysLetterIsOutsideItsArea() {
        Violation v = single("621123/2024Q1/目标任务.csv", ROW);
        assertThat(v.code()).isEqualTo("ORG_OUTSIDE_SUBMITTER");
        assertThat(v.column()).isEqualTo("issuer_code");
        assertThat(v.messageZh()).isEqualTo("工会「621100」不在报送单位 621123（渭源县）的辖区内");
    }

    @Test
    void theIssuerIsARegionalFederation() {
        Violation v = single("130306/2024Q1/目标任务.csv", with(ROW, "下达单位代码", "130306-0001", "目标单位代码", "130306-0042"));
        assertThat(v.code()).isEqualTo("UNKNOWN_REGION");
        assertThat(v.column()).isEqualTo("issuer_code");
        assertThat(v.messageZh()).isEqualTo("下达单位代码「130306-0001」不是有效的6位行政区划代码");
    }

    // ---- the KPI ----

    @Test
    void aKpiOutsideTheCatalogueIsUnknown() {
        Violation v = single(CITY, with(ROW, "考核指标", "职工之家数"));
        assertThat(v.code()).isEqualTo("UNKNOWN_KPI");
        assertThat(v.column()).isEqualTo("kpi_id");
        assertThat(v.messageZh()).startsWith("考核指标「职工之家数」不在指标目录中；请使用指标代码或中文名称，可设目标的指标：新入会会员数、期末会员数、")
                .contains("解困脱困户数").contains("参赛人数");
        assertThat(v.messageEn()).startsWith("kpi_id '职工之家数' is not in the KPI catalogue; use a KPI id or Chinese name: members_joined, ");
    }

    @ParameterizedTest
    @CsvSource({
        "会员增长率, members_growth_rate",
        "members_start, members_start",
        "解困脱困率, hardship_lift_out_rate",
        "新建工会组织数, unions_established",
    })
    void aKpiThatTakesNoTargetIsToldSo(String written, String id) {
        Violation v = single(CITY, with(ROW, "考核指标", written));
        assertThat(v.code()).isEqualTo("KPI_NOT_TARGETABLE");
        assertThat(v.messageZh()).contains("(" + id + ")，它不能设目标").contains("可设目标的指标：新入会会员数");
        assertThat(v.messageEn()).contains("is the KPI " + id + ", which takes no target").contains("members_joined, ");
    }

    // ---- the period ----

    @ParameterizedTest
    @ValueSource(strings = {"2024-07", "2024H1", "2024年上半年", "全年", "Q3"})
    void thePeriodIsAYearOrAQuarter(String written) {
        Violation v = single(CITY, with(ROW, "目标期间", written));
        assertThat(v.code()).isEqualTo("BAD_PERIOD");
        assertThat(v.column()).isEqualTo("target_period");
        assertThat(v.messageZh()).isEqualTo("目标期间「" + written + "」应为年度（如 2024、2024年）或季度（如 2024Q3、2024年第三季度）");
        assertThat(v.messageEn()).isEqualTo("target_period '" + written + "' must be a year (2024, 2024年) or a quarter (2024Q3, 2024年第三季度)");
    }

    @Test
    void aTargetIsNotSetAfterItsPeriod() {
        Violation v = single("621100/2024Q3/目标任务.csv", with(ROW, "目标期间", "2024Q1"));
        assertThat(v.code()).isEqualTo("DATE_OUTSIDE_PERIOD");
        assertThat(v.column()).isEqualTo("target_period");
        assertThat(v.messageZh()).isEqualTo("目标期间 2024Q1（2024-01-01 至 2024-03-31）在报送期间 2024Q3 开始（2024-07-01）前已经结束：目标应在其期间结束前下达");
        assertThat(v.messageEn()).isEqualTo("the target period 2024Q1 (2024-01-01 to 2024-03-31) ended before the submission's period 2024Q3"
                + " began (2024-07-01); a target is set before its period ends");
        assertThat(single(CITY, with(ROW, "目标期间", "2023")).code()).isEqualTo("DATE_OUTSIDE_PERIOD");
        // The year still running, and the quarter itself, may be set in a later quarter's letter.
        assertThat(accepted("621100/2024Q3/目标任务.csv", ROW).values().get("target_period")).isEqualTo("2024");
        assertThat(accepted("621100/2024Q3/目标任务.csv", with(ROW, "目标期间", "2024Q3")).values().get("target_period")).isEqualTo("2024Q3");
    }

    // ---- the value ----

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5"})
    void theTargetIsPositive(String written) {
        Violation v = single(CITY, with(ROW, "目标值", written));
        assertThat(v.code()).isEqualTo("OUT_OF_RANGE");
        assertThat(v.column()).isEqualTo("target_value");
        assertThat(v.messageZh()).isEqualTo("目标值须大于 0（本行为 " + written + "）");
        assertThat(v.messageEn()).isEqualTo("target_value must be greater than 0 (it is " + written + ")");
    }

    @Test
    void aRateTargetIsAtMostAHundredPercent() {
        Violation v = single(PROVINCE, with(ENGLISH, "kpi_id", "membership_rate", "target_value", "92"));
        assertThat(v.code()).isEqualTo("OUT_OF_RANGE");
        assertThat(v.messageZh()).isEqualTo("「职工入会率」是比率，目标值 92 超过 100%：请写作 92% 或 0.92");
        assertThat(v.messageEn()).isEqualTo("membership_rate is a rate and the target 92 is over 100%; write it as 92% or 0.92");
    }

    @Test
    void theValueIsInTheKpisUnit() {
        Violation v = single(CITY, with(ROW, "目标值", "5000元"));
        assertThat(v.code()).isEqualTo("UNIT_MISMATCH");
        assertThat(v.column()).isEqualTo("target_value");
        assertThat(v.messageZh()).isEqualTo("单位「元」与指标「新入会会员数」的单位「人」不符");
        assertThat(single(CITY, with(ROW, "目标值", "30", "单位", "户")).column()).isEqualTo("unit");
        assertThat(single(CITY, with(ROW, "考核指标", "解困脱困户数", "目标值", "30人")).messageZh())
                .isEqualTo("单位「人」与指标「解困脱困户数」的单位「户」不符");
    }

    @Test
    void everyRequiredValueIsThere() {
        Violation v = single(CITY, with(ROW, "目标值", ""));
        assertThat(v.code()).isEqualTo("MISSING_VALUE");
        assertThat(v.messageZh()).isEqualTo("目标值 为必填项，本行为空");
        assertThat(single(CITY, with(ROW, "考核指标", "")).column()).isEqualTo("kpi_id");
    }
}
