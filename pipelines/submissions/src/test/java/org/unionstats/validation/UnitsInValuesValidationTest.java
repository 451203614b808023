package org.unionstats.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.unionstats.validation.ValidationFixture.accepted;
import static org.unionstats.validation.ValidationFixture.rejected;
import static org.unionstats.validation.ValidationFixture.single;
import static org.unionstats.validation.ValidationFixture.with;
import static org.unionstats.validation.ValidationFixture.without;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.unionstats.values.Qualifier;

/**
 * Values with their unit written in the cell, as the seed pages write them, through the row validator: the
 * unit must agree with the indicator's (or the column's), a scaled 单位 column scales only a bare number.
 */
class UnitsInValuesValidationTest {

    private static final String REPORTS = "130306/2024Q3/indicator_reports.csv";
    private static final String[] REPORT = {"工会代码", "130306", "指标代码", "workforce", "数值", "100"};

    private static BigDecimal value(ValidatedRow row) {
        return (BigDecimal) row.values().get("value");
    }

    @ParameterizedTest(name = "{0} = {1}: {2} {3}")
    @CsvSource(delimiter = '|', value = {
        "workforce              | 1.7万人       | 17000     | EXACT  | persons",
        "workforce              | 114万余人     | 1140000   | OVER   | persons",
        "student_aid_recipients | 5000余名      | 5000      | OVER   | persons",
        "student_aid_recipients | 1.8万余名     | 18000     | OVER   | persons",
        "student_aid_recipients | 千余名        | 1000      | OVER   | persons",
        "student_aid_recipients | 1500人左右    | 1500      | NEARLY | persons",
        "student_aid_cny        | 近3000万元    | 30000000  | NEARLY | CNY",
        "student_aid_cny        | 1万元以上     | 10000     | OVER   | CNY",
        "subsidised_loans_cny   | 2.05亿元      | 205000000 | EXACT  | CNY",
        "innovation_value_cny   | 突破1.2亿元   | 120000000 | OVER   | CNY",
        "innovation_value_cny   | 26.8亿元      | 2680000000 | EXACT | CNY",
        "subsidised_loans_cny   | 上千万元      | 10000000  | OVER   | CNY",
        "training_person_times  | 近90万人次    | 900000    | NEARLY | person_times",
        "training_person_times  | 52554人次     | 52554     | EXACT  | person_times",
        "jobs_offered           | 8.9万个       | 89000     | EXACT  | jobs",
        "jobs_offered           | 2800多个      | 2800      | OVER   | jobs",
        "jobs_offered           | 528个岗位     | 528       | EXACT  | jobs",
        "job_fairs              | 103场         | 103       | EXACT  | events",
        "job_fairs              | 17次          | 17        | EXACT  | events",
        "innovation_items       | 4.6万余项     | 46000     | OVER   | items",
        "innovation_items       | 超800个       | 800       | OVER   | items",
        "service_stations       | 679家         | 679       | EXACT  | stations",
        "service_stations       | 152个         | 152       | EXACT  | stations",
        "legal_aid_cases        | 270件         | 270       | EXACT  | cases",
        "hotline_calls_12351    | 915人次       | 915       | EXACT  | calls",
    })
    void valuesWithTheirUnit(String indicator, String written, String expected, Qualifier qualifier, String unit) {
        ValidatedRow row = accepted(REPORTS, with(REPORT, "指标代码", indicator, "数值", written));
        assertThat(value(row)).isEqualByComparingTo(expected);
        assertThat(row.qualifier()).isEqualTo(qualifier);
        assertThat(row.values().get("unit")).isEqualTo(unit);
    }

    @Test
    void aUnitInTheValueAndTheSameUnitInTheUnitColumn() {
        ValidatedRow row = accepted(REPORTS, with(REPORT, "指标代码", "student_aid_cny", "数值", "2.05亿元", "单位", "元"));
        assertThat(value(row)).isEqualByComparingTo("205000000");
        assertThat(value(accepted(REPORTS, with(REPORT, "数值", "5000余人", "单位", "persons")))).isEqualByComparingTo("5000");
    }

    @Test
    void aScaledUnitColumnScalesABareNumber() {
        assertThat(value(accepted(REPORTS, with(REPORT, "指标代码", "student_aid_cny", "数值", "5000", "单位", "万元"))))
                .isEqualByComparingTo("50000000");
        assertThat(value(accepted(REPORTS, with(REPORT, "指标代码", "student_aid_cny", "数值", "近3000", "单位", "万元"))))
                .isEqualByComparingTo("30000000");
        assertThat(value(accepted(REPORTS, with(REPORT, "数值", "1.2", "单位", "万人")))).isEqualByComparingTo("12000");
    }

    @ParameterizedTest(name = "{0} with 单位 {1}")
    @CsvSource(delimiter = '|', value = {
        // the row would state its scale twice: 1.5万 in 万元 is 15 000 or 150 000 000?
        "1.5万    | 万元 | 万",
        "5000万元 | 万元 | 万元",
        "5000元   | 万元 | 元",
        "2.05亿元 | 万元 | 亿元",
        "两万     | 万元 | 万",
    })
    void aScaledUnitColumnWithAScaledOrUnitValueIsRefused(String written, String unit, String writtenUnit) {
        Violation v = single(REPORTS, with(REPORT, "指标代码", "student_aid_cny", "数值", written, "单位", unit));
        assertThat(v.code()).isEqualTo("UNIT_MISMATCH");
        assertThat(v.column()).isEqualTo("value");
        assertThat(v.messageZh()).isEqualTo("单位「" + writtenUnit + "」与指标「金秋助学资助金额」的单位「" + unit + "」不符");
    }

    @ParameterizedTest(name = "{1} for {0}")
    @CsvSource(delimiter = '|', value = {
        "workforce              | 3万元      | 万元 | 人",
        "workforce              | 5000人次   | 人次 | 人",
        "student_aid_cny        | 5000人     | 人   | 元",
        "student_aid_cny        | 2000元/人  | 元/人 | 元",
        "training_person_times  | 300人      | 人   | 人次",
        "jobs_offered           | 50%        | %    | 个",
        "student_aid_recipients | 5万只      | 万只 | 人",
    })
    void aUnitThatContradictsTheIndicatorIsAMismatch(String indicator, String written, String writtenUnit, String indicatorUnit) {
        Violation v = single(REPORTS, with(REPORT, "指标代码", indicator, "数值", written));
        assertThat(v.code()).isEqualTo("UNIT_MISMATCH");
        assertThat(v.column()).isEqualTo("value");
        assertThat(v.messageZh()).startsWith("单位「" + writtenUnit + "」与指标「").endsWith("的单位「" + indicatorUnit + "」不符");
    }

    @Test
    void aWrongUnitColumnAndAWrongUnitInTheValueAreBothReported() {
        assertThat(rejected(REPORTS, with(REPORT, "数值", "3万元", "单位", "元")))
                .extracting(Violation::code, Violation::column)
                .containsExactlyInAnyOrder(tuple("UNIT_MISMATCH", "unit"), tuple("UNIT_MISMATCH", "value"));
    }

    @Test
    void withAnUnknownIndicatorOnlyTheIndicatorIsReported() {
        assertThat(single(REPORTS, with(REPORT, "指标代码", "会员人数", "数值", "5000余人")))
                .extracting(Violation::code, Violation::column).containsExactly("UNKNOWN_INDICATOR", "indicator_id");
        assertThat(rejected(REPORTS, with(REPORT, "指标代码", "会员人数", "数值", "5000余abc")))
                .extracting(Violation::code).containsExactlyInAnyOrder("UNKNOWN_INDICATOR", "BAD_NUMBER");
    }

    @Test
    void qualifierWordsInTheValueAreBadQualifiersWhenTheyContradict() {
        Violation v = single(REPORTS, with(REPORT, "数值", "近5000余人"));
        assertThat(v.code()).isEqualTo("BAD_QUALIFIER");
        assertThat(v.column()).isEqualTo("value");
        assertThat(single(REPORTS, with(REPORT, "数值", "不足100人")).code()).isEqualTo("BAD_QUALIFIER");
    }

    // ---- columns with a unit of their own ----

    @ParameterizedTest
    @CsvSource({"4, 4", "4人, 4", "4口, 4", "4口人, 4", "四口人, 4", "5名, 5"})
    void householdSizeMayNameItsUnit(String written, long expected) {
        ValidatedRow row = accepted("130306/2024Q3/hardship_cases.csv", "档案编号", "KH-1", "所属工会代码", "130306-0001",
                "建档日期", "2024-07-01", "状态", "在档", "家庭人口", written);
        assertThat(row.values().get("household_size")).isEqualTo(expected);
    }

    @Test
    void anAmountInYuanMayNameItsUnit() {
        ValidatedRow row = accepted("130306/2024Q3/hardship_cases.csv", "档案编号", "KH-1", "所属工会代码", "130306-0001",
                "建档日期", "2024-07-01", "状态", "在档", "帮扶金额（元）", "1.2万元");
        assertThat((BigDecimal) row.values().get("assistance_cny")).isEqualByComparingTo("12000");
        Violation v = single("130306/2024Q3/hardship_cases.csv", "档案编号", "KH-1", "所属工会代码", "130306-0001",
                "建档日期", "2024-07-01", "状态", "在档", "家庭人口", "4万元");
        assertThat(v.code()).isEqualTo("UNIT_MISMATCH");
        assertThat(v.column()).isEqualTo("household_size");
        assertThat(v.messageZh()).isEqualTo("单位「万元」与指标「家庭人口」的单位「人」不符");
        assertThat(v.messageEn()).isEqualTo("unit '万元' does not agree with the unit of household_size (persons)");
    }

    @Test
    void countsOfPeopleAndItemsInOtherRecordTypes() {
        assertThat(accepted("130306/2024Q3/org_units.csv", "工会代码", "130306-0042", "工会名称", "某某镇总工会", "层级", "乡镇街道",
                "上级工会代码", "130306", "行政区划代码", "130306", "职工人数", "2.5万余名").values().get("workforce"))
                .isEqualTo(25000L);
        assertThat(accepted("130306/2024Q3/competitions.csv", "竞赛编号", "JS2024-007", "主办工会代码", "130306",
                "竞赛名称", "焊工技能大赛", "竞赛类别", "技能竞赛", "竞赛级别", "县级", "开始日期", "2024-06-01",
                "结束日期", "2024-07-31", "竞赛项目数", "87个").values().get("items")).isEqualTo(87L);
        assertThat(accepted("130306/2024Q3/competition_entries.csv", "竞赛编号", "JS2024-001", "参赛单位工会代码", "130306-0001",
                "统一社会信用代码", ValidationFixture.VALID_CREDIT_CODE, "参赛人数", "30余人").qualifier()).isEqualTo(Qualifier.OVER);
    }

    @Test
    void aBirthYearTakesNoUnit() {
        assertThat(single("130306/2024Q3/member_events.csv", "会员编号", "M0001", "所属工会代码", "130306-0001",
                "变动类型", "入会", "变动日期", "2024-07-05", "出生年份", "1990年").code()).isEqualTo("BAD_NUMBER");
    }

    @Test
    void theUnitColumnIsStillOptional() {
        assertThat(accepted(REPORTS, without(REPORT, "单位")).values().get("unit")).isEqualTo("persons");
    }
}
