package org.unionstats.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.unionstats.validation.ValidationFixture.accepted;
import static org.unionstats.validation.ValidationFixture.rejected;
import static org.unionstats.validation.ValidationFixture.single;
import static org.unionstats.validation.ValidationFixture.with;
import static org.unionstats.validation.ValidationFixture.without;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.unionstats.values.Qualifier;

class IndicatorReportsValidationTest {

    private static final String PATH = "130306/2024Q3/indicator_reports.csv";

    private static final String[] ROW = {
        "工会代码", "130306",
        "指标代码", "金秋助学资助金额",
        "数值", "1.5",
        "单位", "万元",
    };

    private static BigDecimal value(ValidatedRow row) {
        return (BigDecimal) row.values().get("value");
    }

    @Test
    void tenThousandYuanAreScaledToYuan() {
        ValidatedRow row = accepted(PATH, ROW);
        assertThat(row.values()).containsOnlyKeys("org_code", "indicator_id", "value", "unit");
        assertThat(row.values().get("org_code")).isEqualTo("130306");
        assertThat(row.values().get("indicator_id")).isEqualTo("student_aid_cny");
        assertThat(value(row)).isEqualByComparingTo("15000");
        assertThat(row.values().get("unit")).isEqualTo("CNY");
        assertThat(row.qualifier()).isEqualTo(Qualifier.EXACT);
    }

    @ParameterizedTest
    @CsvSource({
        "元, 1.5, 1.5",
        "CNY, 1.5, 1.5",
        "人民币, 200, 200",
        "万元, 2.05, 20500",
        "亿元, 0.3, 30000000",
        "元, 1.7万, 17000",
    })
    void unitsOfAnAmount(String unit, String written, String expected) {
        ValidatedRow row = accepted(PATH, with(ROW, "单位", unit, "数值", written));
        assertThat(value(row)).isEqualByComparingTo(expected);
        assertThat(row.values().get("unit")).isEqualTo("CNY");
    }

    @Test
    void withoutAUnitTheCataloguesUnitIsStored() {
        ValidatedRow row = accepted(PATH, without(with(ROW, "指标代码", "jobs_offered", "数值", "5000余"), "单位"));
        assertThat(row.values().get("indicator_id")).isEqualTo("jobs_offered");
        assertThat(row.values().get("unit")).isEqualTo("jobs");
        assertThat(value(row)).isEqualByComparingTo("5000");
        assertThat(row.qualifier()).isEqualTo(Qualifier.OVER);
    }

    @Test
    void nearlyFigureWithChineseMultiplier() {
        ValidatedRow row = accepted(PATH, with(ROW, "数值", "近3000万", "单位", "元", "指标代码", "贴息贷款"));
        assertThat(row.values().get("indicator_id")).isEqualTo("subsidised_loans_cny");
        assertThat(value(row)).isEqualByComparingTo("30000000");
        assertThat(row.qualifier()).isEqualTo(Qualifier.NEARLY);
    }

    @ParameterizedTest
    @CsvSource({"余, OVER", "多, OVER", "超过, OVER", "近, NEARLY", "约, NEARLY", "'', EXACT"})
    void qualifierColumn(String label, Qualifier expected) {
        ValidatedRow row = accepted(PATH, with(ROW, "说明", label));
        assertThat(row.qualifier()).isEqualTo(expected);
        assertThat(row.values()).doesNotContainKey("qualifier");
    }

    @Test
    void weakestQualifierOfTheRowWins() {
        assertThat(accepted(PATH, with(ROW, "数值", "1.5余", "说明", "约")).qualifier()).isEqualTo(Qualifier.NEARLY);
    }

    @Test
    void unreadableQualifier() {
        Violation v = single(PATH, with(ROW, "说明", "大概吧"));
        assertThat(v.code()).isEqualTo("BAD_QUALIFIER");
        assertThat(v.column()).isEqualTo("qualifier");
        assertThat(v.messageZh()).startsWith("无法识别的说明「大概吧」");
        assertThat(v.messageEn()).startsWith("cannot read the qualifier '大概吧'");
    }

    @ParameterizedTest
    @CsvSource({
        "职工人数, workforce, 人",
        "workforce, workforce, persons",
        "金秋助学人数, student_aid_recipients, 名",
        "技能培训人次, training_person_times, 人次",
        "12351热线受理, hotline_calls_12351, 件",
        "户外劳动者服务站点, service_stations, 个",
    })
    void indicatorsByIdNameOrAliasWithTheirUnits(String written, String id, String unit) {
        ValidatedRow row = accepted(PATH, with(ROW, "指标代码", written, "数值", "12", "单位", unit));
        assertThat(row.values().get("indicator_id")).isEqualTo(id);
        assertThat(value(row)).isEqualByComparingTo("12");
    }

    @Test
    void unknownIndicator() {
        Violation v = single(PATH, with(ROW, "指标代码", "会员人数"));
        assertThat(v.code()).isEqualTo("UNKNOWN_INDICATOR");
        assertThat(v.column()).isEqualTo("indicator_id");
        assertThat(v.messageZh()).startsWith("未知的指标「会员人数」");
        assertThat(v.messageEn()).startsWith("unknown indicator '会员人数'");
    }

    @Test
    void unitThatDisagreesWithTheCatalogue() {
        Violation v = single(PATH, with(ROW, "单位", "人"));
        assertThat(v.code()).isEqualTo("UNIT_MISMATCH");
        assertThat(v.column()).isEqualTo("unit");
        assertThat(v.messageZh()).isEqualTo("单位「人」与指标「金秋助学资助金额」的单位「元」不符");
        assertThat(v.messageEn()).isEqualTo("unit '人' does not agree with the unit of student_aid_cny (CNY)");
    }

    @Test
    void personsAreNotPersonTimes() {
        assertThat(single(PATH, with(ROW, "指标代码", "training_person_times", "数值", "300", "单位", "人")).code())
                .isEqualTo("UNIT_MISMATCH");
    }

    @Test
    void negativeValueIsOutOfRange() {
        Violation v = single(PATH, with(ROW, "数值", "-5", "单位", "元"));
        assertThat(v.code()).isEqualTo("OUT_OF_RANGE");
        assertThat(v.column()).isEqualTo("value");
        assertThat(v.messageZh()).isEqualTo("数值不能为负数：-5");
        assertThat(v.messageEn()).isEqualTo("value must not be negative: -5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"很多", "12,34", "1.5.6"})
    void unreadableValue(String written) {
        Violation v = single(PATH, with(ROW, "数值", written));
        assertThat(v.code()).isEqualTo("BAD_NUMBER");
        assertThat(v.column()).isEqualTo("value");
    }

    @Test
    void missingValueAndIndicator() {
        List<Violation> violations = rejected(PATH, with(ROW, "数值", "", "指标代码", ""));
        assertThat(violations).extracting(Violation::code, Violation::column).containsExactlyInAnyOrder(
                tuple("MISSING_VALUE", "indicator_id"), tuple("MISSING_VALUE", "value"));
    }

    @Test
    void badValueAndWrongUnitAreReportedTogether() {
        List<Violation> violations = rejected(PATH, with(ROW, "数值", "很多", "单位", "个"));
        assertThat(violations).extracting(Violation::code, Violation::column).containsExactlyInAnyOrder(
                tuple("BAD_NUMBER", "value"), tuple("UNIT_MISMATCH", "unit"));
    }

    @Test
    void reportForAnotherCounty() {
        Violation v = single(PATH, with(ROW, "工会代码", "130322"));
        assertThat(v.code()).isEqualTo("ORG_OUTSIDE_SUBMITTER");
        assertThat(v.column()).isEqualTo("org_code");
    }

    @Test
    void basicUnionReportsItsOwnFigures() {
        ValidatedRow row = accepted("130306-0042/2024年7月/indicator_reports.csv",
                "org_code", "130306-0042", "indicator_id", "legal_aid_cases", "value", "3", "unit", "件");
        assertThat(row.values().get("indicator_id")).isEqualTo("legal_aid_cases");
        assertThat(row.values().get("unit")).isEqualTo("cases");
    }
}
