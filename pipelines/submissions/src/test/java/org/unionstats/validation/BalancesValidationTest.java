package org.unionstats.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.unionstats.validation.ValidationFixture.accepted;
import static org.unionstats.validation.ValidationFixture.rejected;
import static org.unionstats.validation.ValidationFixture.single;
import static org.unionstats.validation.ValidationFixture.with;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.unionstats.values.Qualifier;

/** 存量报告: a stock a union counts in its own register, as at a month's end. */
class BalancesValidationTest {

    private static final String PATH = "130306/2024Q3/balances.csv";

    private static final String[] ROW = {
        "所属工会代码", "130306-0001",
        "存量项目", "会员总数",
        "截至日期", "2024-06-30",
        "数量", "1280",
    };

    @Test
    void acceptedRowHasTypedValues() {
        ValidatedRow row = accepted(PATH, ROW);
        assertThat(row.values()).containsOnlyKeys("org_code", "balance_type", "as_of", "value");
        assertThat(row.values().get("org_code")).isEqualTo("130306-0001");
        assertThat(row.values().get("balance_type")).isEqualTo("members");
        assertThat(row.values().get("as_of")).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(row.values().get("value")).isEqualTo(1280L);
        assertThat(row.qualifier()).isEqualTo(Qualifier.EXACT);
    }

    @ParameterizedTest
    @CsvSource({
        "会员总数, members",
        "会员人数, members",
        "members, members",
        "在档困难职工家庭数, hardship_on_file",
        "在档困难职工家庭, hardship_on_file",
        "在档困难职工, hardship_on_file",
        "困难职工建档数, hardship_on_file",
        "hardship_on_file, hardship_on_file",
    })
    void labelsAndCodes(String written, String code) {
        assertThat(accepted(PATH, with(ROW, "存量项目", written, "数量", "12")).values().get("balance_type")).isEqualTo(code);
    }

    @Test
    void unknownLabelIsRefusedWithTheAcceptedLabels() {
        Violation v = single(PATH, with(ROW, "存量项目", "职工总数"));
        assertThat(v.code()).isEqualTo("BAD_LABEL");
        assertThat(v.column()).isEqualTo("balance_type");
        assertThat(v.messageZh()).startsWith("存量项目「职工总数」不是可接受的取值").contains("会员总数").contains("在档困难职工家庭数");
        assertThat(v.messageEn()).startsWith("balance_type '职工总数' is not an accepted value")
                .contains("members").contains("hardship_on_file");
    }

    @Test
    void mistypedLabelGetsASuggestion() {
        Violation v = single(PATH, with(ROW, "存量项目", "会员总教"));
        assertThat(v.code()).isEqualTo("BAD_LABEL");
        assertThat(v.messageZh()).contains("（是否应为「会员总数」？）");
    }

    // ---- the month's end and the period ----

    @ParameterizedTest
    @ValueSource(strings = {"2024-09-30", "2024-07-31", "2024-06-30", "2023-12-31", "2024-02-29", "2024年8月31日", "2024/8/31"})
    void monthEndsUpToThePeriodsEndAreAccepted(String asOf) {
        LocalDate date = (LocalDate) accepted(PATH, with(ROW, "截至日期", asOf)).values().get("as_of");
        assertThat(date.getDayOfMonth()).isEqualTo(date.lengthOfMonth());
    }

    @Test
    void anOpeningBalanceAtTheYearsEndInAFirstQuarterFile() {
        ValidatedRow row = accepted("130306/2023Q1/存量报告.csv", with(ROW, "截至日期", "2022-12-31"));
        assertThat(row.values().get("as_of")).isEqualTo(LocalDate.of(2022, 12, 31));
    }

    @Test
    void aDayThatIsNotAMonthsEndIsRefused() {
        Violation v = single(PATH, with(ROW, "截至日期", "2024-06-15"));
        assertThat(v.code()).isEqualTo("NOT_MONTH_END");
        assertThat(v.column()).isEqualTo("as_of");
        assertThat(v.messageZh()).isEqualTo(
                "截至日期须为月末（如 2024-06-30）：本行填写的 2024-06-15 不是某月的最后一天；请填写截至 2024-06-30 或 2024-05-31 的数");
        assertThat(v.messageEn()).isEqualTo(
                "as_of must be the last day of a month (e.g. 2024-06-30): 2024-06-15 is not; report the count as at 2024-06-30 or 2024-05-31");
    }

    @ParameterizedTest
    @CsvSource({"2024-02-28, 2024-02-29", "2023-02-27, 2023-02-28", "2024-07-01, 2024-07-31", "2024-09-29, 2024-09-30"})
    void theMonthsEndIsTheCalendars(String asOf, String monthEnd) {
        Violation v = single(PATH, with(ROW, "截至日期", asOf));
        assertThat(v.code()).isEqualTo("NOT_MONTH_END");
        assertThat(v.messageZh()).contains("如 " + monthEnd);
    }

    @Test
    void aMonthsEndAfterThePeriodIsRefused() {
        Violation v = single(PATH, with(ROW, "截至日期", "2024-10-31"));
        assertThat(v.code()).isEqualTo("DATE_AFTER_PERIOD");
        assertThat(v.column()).isEqualTo("as_of");
        assertThat(v.messageZh()).isEqualTo("as_of 2024-10-31 晚于报送期间 2024Q3 的最后一天 2024-09-30");
        assertThat(v.messageEn()).isEqualTo("as_of 2024-10-31 is after the end of the period 2024Q3 (2024-09-30)");
    }

    @Test
    void aMidMonthDayAfterThePeriodBreaksBothRules() {
        assertThat(rejected(PATH, with(ROW, "截至日期", "2024-10-15"))).extracting(Violation::code, Violation::column)
                .containsExactly(tuple("NOT_MONTH_END", "as_of"), tuple("DATE_AFTER_PERIOD", "as_of"));
    }

    @Test
    void monthlyPeriodTakesItsOwnMonthsEnd() {
        assertThat(accepted("130306-0042/2024年7月/balances.csv", with(ROW, "所属工会代码", "130306-0042", "截至日期", "2024-07-31"))
                .values().get("as_of")).isEqualTo(LocalDate.of(2024, 7, 31));
        assertThat(single("130306-0042/2024年7月/balances.csv", with(ROW, "所属工会代码", "130306-0042", "截至日期", "2024-08-31"))
                .code()).isEqualTo("DATE_AFTER_PERIOD");
    }

    // ---- the count ----

    @ParameterizedTest
    @CsvSource({
        "1.2万, 12000, EXACT",
        "三万五, 35000, EXACT",
        "一千二百八十, 1280, EXACT",
        "５０００, 5000, EXACT",
        "'1,280', 1280, EXACT",
        "5000余, 5000, OVER",
        "5000以上, 5000, OVER",
        "约5000, 5000, NEARLY",
        "近1.2万, 12000, NEARLY",
        "0, 0, EXACT",
    })
    void chineseNumbersAndQualifiersAsInEveryCountColumn(String written, long expected, Qualifier qualifier) {
        ValidatedRow row = accepted(PATH, with(ROW, "数量", written));
        assertThat(row.values().get("value")).isEqualTo(expected);
        assertThat(row.qualifier()).isEqualTo(qualifier);
    }

    @Test
    void qualifierColumnLikeAnIndicatorReports() {
        assertThat(accepted(PATH, with(ROW, "说明", "约")).qualifier()).isEqualTo(Qualifier.NEARLY);
        assertThat(accepted(PATH, with(ROW, "数量", "1280余", "说明", "约")).qualifier()).isEqualTo(Qualifier.NEARLY);
        assertThat(single(PATH, with(ROW, "说明", "大概吧")).code()).isEqualTo("BAD_QUALIFIER");
    }

    @Test
    void theCountMayCarryTheUnitOfWhatIsCounted() {
        assertThat(accepted(PATH, with(ROW, "数量", "5000余人")).values().get("value")).isEqualTo(5000L);
        assertThat(accepted(PATH, with(ROW, "数量", "1280名")).values().get("value")).isEqualTo(1280L);
        assertThat(accepted(PATH, with(ROW, "存量项目", "在档困难职工家庭数", "数量", "36户")).values().get("value")).isEqualTo(36L);
    }

    @Test
    void aUnitOfSomethingElseIsRefused() {
        Violation v = single(PATH, with(ROW, "存量项目", "在档困难职工家庭数", "数量", "36人"));
        assertThat(v.code()).isEqualTo("UNIT_MISMATCH");
        assertThat(v.column()).isEqualTo("value");
        assertThat(single(PATH, with(ROW, "数量", "3万元")).code()).isEqualTo("UNIT_MISMATCH");
    }

    @Test
    void negativeCountIsRefused() {
        Violation v = single(PATH, with(ROW, "数量", "-5"));
        assertThat(v.code()).isEqualTo("OUT_OF_RANGE");
        assertThat(v.column()).isEqualTo("value");
        assertThat(v.messageZh()).isEqualTo("数量「-5」超出范围，应不小于 0");
        assertThat(v.messageEn()).isEqualTo("value '-5' is out of range; it must be at least 0");
    }

    @Test
    void aCountIsWhole() {
        Violation v = single(PATH, with(ROW, "数量", "12.5"));
        assertThat(v.code()).isEqualTo("BAD_NUMBER");
        assertThat(v.column()).isEqualTo("value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"若干", "1000至2000", "不足100"})
    void unreadableCounts(String written) {
        Violation v = single(PATH, with(ROW, "数量", written));
        assertThat(v.column()).isEqualTo("value");
        assertThat(v.code()).isIn("BAD_NUMBER", "BAD_QUALIFIER");
    }

    @Test
    void withAnUnknownLabelTheCountIsStillJudged() {
        assertThat(rejected(PATH, with(ROW, "存量项目", "职工总数", "数量", "5000余人"))).extracting(Violation::column)
                .containsExactly("balance_type");
        assertThat(rejected(PATH, with(ROW, "存量项目", "职工总数", "数量", "很多"))).extracting(Violation::code, Violation::column)
                .containsExactly(tuple("BAD_LABEL", "balance_type"), tuple("BAD_NUMBER", "value"));
    }

    // ---- whose register ----

    @Test
    void aRegionalFederationMayReportItsOwnRegister() {
        assertThat(accepted(PATH, with(ROW, "所属工会代码", "130306")).values().get("org_code")).isEqualTo("130306");
    }

    @Test
    void unknownOrgAndOrgOfAnotherCounty() {
        assertThat(single(PATH, with(ROW, "所属工会代码", "130306-9999")).code()).isEqualTo("UNKNOWN_ORG");
        Violation v = single(PATH, with(ROW, "所属工会代码", "130322-0001"));
        assertThat(v.code()).isEqualTo("ORG_OUTSIDE_SUBMITTER");
        assertThat(v.column()).isEqualTo("org_code");
    }

    @Test
    void missingValuesAreAllReported() {
        List<Violation> violations = rejected(PATH, with(ROW, "存量项目", "", "截至日期", "", "数量", ""));
        assertThat(violations).extracting(Violation::code, Violation::column).containsExactlyInAnyOrder(
                tuple("MISSING_VALUE", "balance_type"), tuple("MISSING_VALUE", "as_of"), tuple("MISSING_VALUE", "value"));
    }

    @Test
    void englishHeaders() {
        ValidatedRow row = accepted(PATH, "org_code", "130306-0001", "balance_type", "hardship_on_file", "as_of", "2024-09-30",
                "value", "36", "qualifier", "over");
        assertThat(row.values()).containsEntry("balance_type", "hardship_on_file").containsEntry("value", 36L);
        assertThat(row.qualifier()).isEqualTo(Qualifier.OVER);
    }
}
