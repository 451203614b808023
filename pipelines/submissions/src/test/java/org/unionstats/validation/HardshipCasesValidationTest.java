package org.unionstats.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.unionstats.validation.ValidationFixture.accepted;
import static org.unionstats.validation.ValidationFixture.rejected;
import static org.unionstats.validation.ValidationFixture.single;
import static org.unionstats.validation.ValidationFixture.with;
import static org.unionstats.validation.ValidationFixture.without;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unionstats.values.Qualifier;

class HardshipCasesValidationTest {

    private static final String PATH = "130306/2024Q3/hardship_cases.csv";
    /** HMAC-SHA256 pseudonym of the head's id number under the fixture key (Python hmac). */
    private static final String HEAD_KEY = "a13b9022902999e8dba84ecabe462b65";

    private static final String[] ROW = {
        "档案编号", "KH-2024-001",
        "所属工会代码", "130306-0001",
        "建档日期", "2023/3/15",
        "致困原因", "因病",
        "家庭人口", "4",
        "状态", "已解困脱困",
        "解困脱困日期", "2024.8.20",
        "帮扶金额（元）", "1.2万",
        "户主身份证号", "130306198001011234",
    };

    @Test
    void acceptedRowHasTypedValues() {
        ValidatedRow row = accepted(PATH, ROW);
        assertThat(row.values()).containsOnlyKeys("case_id", "org_code", "filed_on", "cause", "household_size",
                "status", "lifted_out_on", "assistance_cny", "head_id_key");
        assertThat(row.values().get("case_id")).isEqualTo("KH-2024-001");
        assertThat(row.values().get("org_code")).isEqualTo("130306-0001");
        assertThat(row.values().get("filed_on")).isEqualTo(LocalDate.of(2023, 3, 15));
        assertThat(row.values().get("cause")).isEqualTo("illness");
        assertThat(row.values().get("household_size")).isEqualTo(4L);
        assertThat(row.values().get("status")).isEqualTo("lifted_out");
        assertThat(row.values().get("lifted_out_on")).isEqualTo(LocalDate.of(2024, 8, 20));
        assertThat(row.values().get("assistance_cny")).isInstanceOf(BigDecimal.class);
        assertThat((BigDecimal) row.values().get("assistance_cny")).isEqualByComparingTo("12000");
        assertThat(row.values().get("head_id_key")).isEqualTo(HEAD_KEY);
        assertThat(row.qualifier()).isEqualTo(Qualifier.EXACT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"帮扶金额(元)", " 帮扶金额 （元） ", "帮扶金额", "帮扶资金", "assistance_cny"})
    void assistanceHeaderSpellings(String header) {
        String[] row = with(without(ROW, "帮扶金额（元）"), header, "350.50");
        assertThat((BigDecimal) accepted(PATH, row).values().get("assistance_cny")).isEqualByComparingTo("350.5");
    }

    @Test
    void amountsKeepTheirDecimals() {
        assertThat((BigDecimal) accepted(PATH, with(ROW, "帮扶金额（元）", "1,234.56")).values().get("assistance_cny"))
                .isEqualByComparingTo("1234.56");
        assertThat((BigDecimal) accepted(PATH, with(ROW, "帮扶金额（元）", "0")).values().get("assistance_cny"))
                .isEqualByComparingTo("0");
    }

    @Test
    void overAmountQualifiesTheRow() {
        ValidatedRow row = accepted(PATH, with(ROW, "帮扶金额（元）", "3000余"));
        assertThat(row.qualifier()).isEqualTo(Qualifier.OVER);
        assertThat((BigDecimal) row.values().get("assistance_cny")).isEqualByComparingTo("3000");
    }

    @Test
    void onFileCaseWithoutLiftedDate() {
        ValidatedRow row = accepted(PATH, with(without(ROW, "解困脱困日期"), "状态", "在档"));
        assertThat(row.values()).containsEntry("status", "on_file").doesNotContainKey("lifted_out_on");
    }

    @Test
    void closedCaseWithEnglishCode() {
        assertThat(accepted(PATH, with(without(ROW, "解困脱困日期"), "状态", "closed")).values().get("status"))
                .isEqualTo("closed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "20"})
    void householdSizeBounds(String size) {
        assertThat(accepted(PATH, with(ROW, "家庭人口", size)).values().get("household_size")).isEqualTo(Long.parseLong(size));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "21", "-1"})
    void householdSizeOutsideOneToTwentyIsRefused(String size) {
        Violation v = single(PATH, with(ROW, "家庭人口", size));
        assertThat(v.column()).isEqualTo("household_size");
        assertThat(v.messageZh()).isEqualTo("家庭人口「" + size + "」超出范围，应1 至 20");
        assertThat(v.messageEn()).isEqualTo("household_size '" + size + "' is out of range; it must be between 1 and 20");
    }

    @Test
    void householdSizeOutOfRangeHasTheOutOfRangeCode() {
        assertThat(single(PATH, with(ROW, "家庭人口", "21")).code()).isEqualTo("OUT_OF_RANGE");
        assertThat(single(PATH, with(ROW, "帮扶金额（元）", "-100")).code()).isEqualTo("OUT_OF_RANGE");
    }

    @Test
    void negativeAssistanceIsRefused() {
        Violation v = single(PATH, with(ROW, "帮扶金额（元）", "-100"));
        assertThat(v.column()).isEqualTo("assistance_cny");
        assertThat(v.messageZh()).isEqualTo("帮扶金额（元）「-100」超出范围，应不小于 0");
        assertThat(v.messageEn()).isEqualTo("assistance_cny '-100' is out of range; it must be at least 0");
    }

    @Test
    void unreadableAmountIsABadNumber() {
        Violation v = single(PATH, with(ROW, "帮扶金额（元）", "若干"));
        assertThat(v.code()).isEqualTo("BAD_NUMBER");
        assertThat(v.column()).isEqualTo("assistance_cny");
    }

    @Test
    void filedAfterThePeriod() {
        Violation v = single(PATH, with(without(ROW, "解困脱困日期"), "状态", "在档", "建档日期", "2024-10-01"));
        assertThat(v.code()).isEqualTo("DATE_AFTER_PERIOD");
        assertThat(v.column()).isEqualTo("filed_on");
        assertThat(v.messageZh()).isEqualTo("filed_on 2024-10-01 晚于报送期间 2024Q3 的最后一天 2024-09-30");
        assertThat(v.messageEn()).isEqualTo("filed_on 2024-10-01 is after the end of the period 2024Q3 (2024-09-30)");
    }

    @Test
    void filedOnTheLastDayOrLongBeforeIsFine() {
        assertThat(accepted(PATH, with(without(ROW, "解困脱困日期"), "状态", "在档", "建档日期", "2024-09-30"))
                .values().get("filed_on")).isEqualTo(LocalDate.of(2024, 9, 30));
        assertThat(accepted(PATH, with(without(ROW, "解困脱困日期"), "状态", "在档", "建档日期", "2015-01-01"))
                .values().get("filed_on")).isEqualTo(LocalDate.of(2015, 1, 1));
    }

    @Test
    void liftedOutAfterThePeriod() {
        Violation v = single(PATH, with(ROW, "解困脱困日期", "2024-12-01"));
        assertThat(v.code()).isEqualTo("DATE_AFTER_PERIOD");
        assertThat(v.column()).isEqualTo("lifted_out_on");
    }

    @Test
    void liftedOutNeedsItsDate() {
        Violation v = single(PATH, without(ROW, "解困脱困日期"));
        assertThat(v.code()).isEqualTo("LIFTED_OUT_DATE_REQUIRED");
        assertThat(v.column()).isEqualTo("lifted_out_on");
        assertThat(v.messageZh()).isEqualTo("状态为「已解困脱困」时必须填写解困脱困日期");
        assertThat(v.messageEn()).isEqualTo("lifted_out_on is required when status is lifted_out");
    }

    @Test
    void onlyLiftedOutCasesHaveALiftedDate() {
        Violation v = single(PATH, with(ROW, "状态", "在档"));
        assertThat(v.code()).isEqualTo("LIFTED_OUT_DATE_NOT_ALLOWED");
        assertThat(v.column()).isEqualTo("lifted_out_on");
        assertThat(v.messageZh()).isEqualTo("只有状态为「已解困脱困」时才填写解困脱困日期（当前状态：on_file）");
        assertThat(v.messageEn()).isEqualTo("lifted_out_on is only allowed when status is lifted_out (status is on_file)");
        assertThat(single(PATH, with(ROW, "状态", "注销")).code()).isEqualTo("LIFTED_OUT_DATE_NOT_ALLOWED");
    }

    @Test
    void liftedOutBeforeFiled() {
        Violation v = single(PATH, with(ROW, "建档日期", "2024-08-01", "解困脱困日期", "2024-07-15"));
        assertThat(v.code()).isEqualTo("LIFTED_OUT_BEFORE_FILED");
        assertThat(v.column()).isEqualTo("lifted_out_on");
        assertThat(v.messageZh()).isEqualTo("解困脱困日期 2024-07-15 早于建档日期 2024-08-01");
        assertThat(v.messageEn()).isEqualTo("lifted_out_on 2024-07-15 is before filed_on 2024-08-01");
    }

    @Test
    void liftedOutOnTheFilingDayIsFine() {
        assertThat(accepted(PATH, with(ROW, "建档日期", "2024-08-01", "解困脱困日期", "2024-08-01")).values())
                .containsEntry("lifted_out_on", LocalDate.of(2024, 8, 1));
    }

    @Test
    void notLiftedOutWithDateBeforeFilingReportsBothRules() {
        List<Violation> violations = rejected(PATH,
                with(ROW, "状态", "在档", "建档日期", "2024-08-01", "解困脱困日期", "2024-07-15"));
        assertThat(violations).extracting(Violation::code)
                .containsExactlyInAnyOrder("LIFTED_OUT_DATE_NOT_ALLOWED", "LIFTED_OUT_BEFORE_FILED");
    }

    @Test
    void mistypedStatusGetsASuggestion() {
        Violation v = single(PATH, with(ROW, "状态", "在挡"));
        assertThat(v.code()).isEqualTo("BAD_LABEL");
        assertThat(v.column()).isEqualTo("status");
        assertThat(v.messageZh()).contains("（是否应为「在档」？）");
        assertThat(v.messageEn()).contains("(did you mean '在档'?)").contains("on_file");
    }

    @Test
    void caseOfAnotherCountyIsOutsideTheSubmitter() {
        Violation v = single(PATH, with(ROW, "所属工会代码", "130322-0001"));
        assertThat(v.code()).isEqualTo("ORG_OUTSIDE_SUBMITTER");
        assertThat(v.column()).isEqualTo("org_code");
    }

    @Test
    void missingRequiredColumnsAllReported() {
        List<Violation> violations = rejected(PATH, with(ROW, "档案编号", "", "建档日期", "", "状态", ""));
        assertThat(violations).extracting(Violation::code, Violation::column).containsExactlyInAnyOrder(
                tuple("MISSING_VALUE", "case_id"), tuple("MISSING_VALUE", "filed_on"), tuple("MISSING_VALUE", "status"));
    }

    @Test
    void headIdNumberIsPseudonymisedAcrossSpellings() {
        assertThat(accepted(PATH, with(without(ROW, "户主身份证号"), "户主身份证号码", " 130306198001011234 "))
                .values().get("head_id_key")).isEqualTo(HEAD_KEY);
    }
}
