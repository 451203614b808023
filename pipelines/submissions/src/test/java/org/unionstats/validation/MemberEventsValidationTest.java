package org.unionstats.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.unionstats.validation.ValidationFixture.accepted;
import static org.unionstats.validation.ValidationFixture.rejected;
import static org.unionstats.validation.ValidationFixture.row;
import static org.unionstats.validation.ValidationFixture.single;
import static org.unionstats.validation.ValidationFixture.validate;
import static org.unionstats.validation.ValidationFixture.with;
import static org.unionstats.validation.ValidationFixture.without;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.unionstats.values.Qualifier;

class MemberEventsValidationTest {

    private static final String PATH = "130306/2024Q3/member_events.csv";

    /** HMAC-SHA256 pseudonyms under the fixture key, computed independently (Python hmac). */
    private static final String M0001_IN_130306 = "464194a4ca6c0a6d7c556831b8eea991";
    private static final String M0001_IN_130322 = "5f660077bb8bbb26634843ce8523ff09";
    private static final String ID_KEY = "08f593d23d720e1a9401fc7eb44c68e8";

    private static final String[] ROW = {
        "会员编号", "M0001",
        "所属工会代码", "130306-0001",
        "变动类型", "入会",
        "变动日期", "2024年7月5日",
        "职工类别", "农民工",
        "性别", "女",
        "出生年份", "1990",
        "身份证号", "13030619900101123x",
    };

    @Test
    void acceptedRowHasTypedValues() {
        ValidatedRow row = accepted(PATH, ROW);
        assertThat(row.values()).containsExactly(
                entry("member_key", M0001_IN_130306),
                entry("org_code", "130306-0001"),
                entry("event_type", "join"),
                entry("event_date", LocalDate.of(2024, 7, 5)),
                entry("worker_category", "migrant"),
                entry("gender", "F"),
                entry("birth_year", 1990),
                entry("id_number_key", ID_KEY));
        assertThat(row.values().get("birth_year")).isInstanceOf(Integer.class);
        assertThat(row.values().get("event_date")).isInstanceOf(LocalDate.class);
        assertThat(row.qualifier()).isEqualTo(Qualifier.EXACT);
        assertThat(row.extras()).isEmpty();
    }

    @Test
    void clearIdsNeverReachTheValues() {
        ValidatedRow row = accepted(PATH, ROW);
        assertThat(row.values()).doesNotContainKeys("member_id", "id_number");
        assertThat(row.values().values()).map(String::valueOf)
                .noneMatch(v -> v.contains("13030619900101123") || v.equals("M0001"));
    }

    @Test
    void englishHeadersAndCodesInAnotherOrder() {
        ValidatedRow row = accepted(PATH,
                "gender", "m",
                "event_date", "2024-09-30",
                "event_type", "TRANSFER_OUT",
                "worker_category", "new_form",
                "org_code", "130306-0001",
                "member_id", "m0001");
        assertThat(row.values()).containsOnly(
                entry("gender", "M"),
                entry("event_date", LocalDate.of(2024, 9, 30)),
                entry("event_type", "transfer_out"),
                entry("worker_category", "new_form"),
                entry("org_code", "130306-0001"),
                entry("member_key", M0001_IN_130306));
    }

    @ParameterizedTest
    @CsvSource({
        "2024-07-05", "2024/7/5", "2024.7.5", "2024年7月5日", "20240705", "45478", "２０２４－０７－０５",
    })
    void everyDateSpelling(String written) {
        assertThat(accepted(PATH, with(ROW, "变动日期", written)).values().get("event_date"))
                .isEqualTo(LocalDate.of(2024, 7, 5));
    }

    @Test
    void fullWidthOrgCodeIsNormalised() {
        assertThat(accepted(PATH, with(ROW, "所属工会代码", "１３０３０６－０００１")).values().get("org_code"))
                .isEqualTo("130306-0001");
    }

    @Test
    void regionFederationNeedsNoDeclaration() {
        assertThat(validate(PATH, ReferenceCodes.none(), row(with(ROW, "所属工会代码", "130306"))))
                .isInstanceOf(RowResult.Accepted.class);
    }

    @Test
    void absentOptionalColumnsAreMissingFromTheValues() {
        ValidatedRow row = accepted(PATH, without(ROW, "职工类别", "性别", "出生年份", "身份证号"));
        assertThat(row.values()).containsOnlyKeys("member_key", "org_code", "event_type", "event_date");
        ValidatedRow blank = accepted(PATH, with(ROW, "职工类别", "", "性别", "  ", "身份证号", ""));
        assertThat(blank.values()).doesNotContainKeys("worker_category", "gender", "id_number_key");
    }

    @Test
    void memberKeysAreScopedByCounty() {
        ValidatedRow other = accepted("130300/2024Q3/member_events.csv", with(ROW, "所属工会代码", "130322-0001"));
        assertThat(other.values().get("member_key")).isEqualTo(M0001_IN_130322).isNotEqualTo(M0001_IN_130306);
        // the national id number is not scoped: the same person has the same key everywhere
        assertThat(other.values().get("id_number_key")).isEqualTo(ID_KEY);
        ValidatedRow sameCounty = accepted(PATH, with(ROW, "所属工会代码", "130306-0042"));
        assertThat(sameCounty.values().get("member_key")).isEqualTo(M0001_IN_130306);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1940", "2010", "1990"})
    void birthYearsInRange(String year) {
        assertThat(accepted(PATH, with(ROW, "出生年份", year)).values().get("birth_year")).isEqualTo(Integer.parseInt(year));
    }

    @Test
    void birthYearTooRecentIsOutOfRange() {
        Violation v = single(PATH, with(ROW, "出生年份", "2011"));
        assertThat(v.code()).isEqualTo("OUT_OF_RANGE");
        assertThat(v.column()).isEqualTo("birth_year");
        assertThat(v.messageZh()).isEqualTo("出生年份「2011」不合理，应在 1940 至 2010 之间（入会须年满14岁）");
        assertThat(v.messageEn()).isEqualTo("birth_year 2011 is implausible; it must be between 1940 and 2010");
    }

    @Test
    void birthYearTooEarlyIsOutOfRange() {
        Violation v = single(PATH, with(ROW, "出生年份", "1939"));
        assertThat(v.code()).isEqualTo("OUT_OF_RANGE");
        assertThat(v.column()).isEqualTo("birth_year");
        assertThat(v.messageEn()).contains("1939").contains("between 1940 and 2010");
    }

    @ParameterizedTest
    @ValueSource(strings = {"一九九零", "1990.5", "abc", "19９0年"})
    void unreadableBirthYearIsABadNumber(String written) {
        Violation v = single(PATH, with(ROW, "出生年份", written));
        assertThat(v.code()).isEqualTo("BAD_NUMBER");
        assertThat(v.column()).isEqualTo("birth_year");
    }

    @Test
    void birthYearBeyondAnIntIsOutOfRange() {
        // birth_year is an Avro int: a value it cannot hold is out of range for the row (it was BAD_NUMBER,
        // "must be a whole number", before the range check against the warehouse type).
        Violation v = single(PATH, with(ROW, "出生年份", "99999999999"));
        assertThat(v.code()).isEqualTo("OUT_OF_RANGE");
        assertThat(v.column()).isEqualTo("birth_year");
        assertThat(v.messageZh()).isEqualTo("出生年份「99999999999」超出可存储的范围（-2147483648 至 2147483647）");
        assertThat(v.messageEn()).isEqualTo("birth_year '99999999999' is beyond what can be stored (-2147483648 to 2147483647)");
    }

    @Test
    void emptyRequiredValueIsMissing() {
        Violation v = single(PATH, with(ROW, "会员编号", ""));
        assertThat(v.code()).isEqualTo("MISSING_VALUE");
        assertThat(v.column()).isEqualTo("member_id");
        assertThat(v.messageZh()).isEqualTo("会员编号 为必填项，本行为空");
        assertThat(v.messageEn()).isEqualTo("member_id is required but empty in this row");
    }

    @Test
    void blankAndAbsentRequiredValuesAreMissing() {
        assertThat(single(PATH, with(ROW, "变动日期", " \u3000 ")))
                .extracting(Violation::code, Violation::column).containsExactly("MISSING_VALUE", "event_date");
        assertThat(single(PATH, without(ROW, "变动类型")))
                .extracting(Violation::code, Violation::column).containsExactly("MISSING_VALUE", "event_type");
    }

    @Test
    void aShortRowLeavesTrailingColumnsEmpty() {
        ValidationFixture.Row short_ = new ValidationFixture.Row(
                List.of("会员编号", "所属工会代码", "变动类型", "变动日期", "性别"),
                List.of("M0001", "130306-0001", "入会"));
        List<Violation> violations = rejected(validate(PATH, ValidationFixture.REFS, short_));
        assertThat(violations).extracting(Violation::code, Violation::column)
                .containsExactly(tuple("MISSING_VALUE", "event_date"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-13-45", "昨天", "2024-02-30", "7月5日"})
    void unreadableDateIsABadDateNotAMissingValue(String written) {
        Violation v = single(PATH, with(ROW, "变动日期", written));
        assertThat(v.code()).isEqualTo("BAD_DATE");
        assertThat(v.column()).isEqualTo("event_date");
        assertThat(v.messageZh()).contains(written);
        assertThat(v.messageEn()).contains(written);
    }

    @Test
    void mistypedLabelIsRefusedWithASuggestion() {
        Violation v = single(PATH, with(ROW, "变动类型", "人会"));
        assertThat(v.code()).isEqualTo("BAD_LABEL");
        assertThat(v.column()).isEqualTo("event_type");
        assertThat(v.messageZh()).startsWith("变动类型「人会」不是可接受的取值（是否应为「")
                .contains("入会", "退会", "转入", "转出");
        assertThat(v.messageEn()).startsWith("event_type '人会' is not an accepted value (did you mean '")
                .contains("join", "leave", "transfer_in", "transfer_out");
    }

    @Test
    void suggestionNamesTheNearestLabel() {
        Violation v = single(PATH, with(ROW, "职工类别", "农名工"));
        assertThat(v.code()).isEqualTo("BAD_LABEL");
        assertThat(v.column()).isEqualTo("worker_category");
        assertThat(v.messageZh()).startsWith("职工类别「农名工」不是可接受的取值（是否应为「农民工」？），应为：");
        assertThat(v.messageEn()).contains("(did you mean '农民工'?)");
    }

    @Test
    void unrelatedWordGetsNoSuggestion() {
        Violation v = single(PATH, with(ROW, "变动类型", "离职"));
        assertThat(v.code()).isEqualTo("BAD_LABEL");
        assertThat(v.messageZh()).doesNotContain("是否应为").contains("离职");
        assertThat(v.messageEn()).doesNotContain("did you mean");
    }

    @Test
    void eventDateOutsideTheQuarter() {
        Violation v = single(PATH, with(ROW, "变动日期", "2024-06-30"));
        assertThat(v.code()).isEqualTo("DATE_OUTSIDE_PERIOD");
        assertThat(v.column()).isEqualTo("event_date");
        assertThat(v.messageZh()).isEqualTo("event_date 2024-06-30 不在报送期间 2024Q3（2024-07-01 至 2024-09-30）内");
        assertThat(v.messageEn()).isEqualTo("event_date 2024-06-30 is outside the period 2024Q3 (2024-07-01 to 2024-09-30)");
        assertThat(single(PATH, with(ROW, "变动日期", "2024-10-01")).code()).isEqualTo("DATE_OUTSIDE_PERIOD");
    }

    @Test
    void eventDateOutsideAMonthPeriod() {
        Violation v = single("130306/2024年7月/member_events.csv", with(ROW, "变动日期", "2024-08-01"));
        assertThat(v.code()).isEqualTo("DATE_OUTSIDE_PERIOD");
        assertThat(v.messageEn()).contains("2024-07 (2024-07-01 to 2024-07-31)");
    }

    @Test
    void unknownBasicUnion() {
        Violation v = single(PATH, with(ROW, "所属工会代码", "130306-9999"));
        assertThat(v.code()).isEqualTo("UNKNOWN_ORG");
        assertThat(v.column()).isEqualTo("org_code");
        assertThat(v.messageZh()).startsWith("所属工会代码「130306-9999」不是已知的工会");
        assertThat(v.messageEn()).startsWith("org_code '130306-9999' is not a known union");
    }

    @ParameterizedTest
    @ValueSource(strings = {"999999", "130306-0001x", "抚宁区总工会", "1303"})
    void otherUnknownOrgs(String written) {
        Violation v = single(PATH, with(ROW, "所属工会代码", written));
        assertThat(v.code()).isEqualTo("UNKNOWN_ORG");
        assertThat(v.column()).isEqualTo("org_code");
    }

    @Test
    void undeclaredUnionIsUnknownEvenIfWellFormed() {
        List<Violation> violations = rejected(validate(PATH, ReferenceCodes.none(), row(ROW)));
        assertThat(violations).extracting(Violation::code).containsExactly("UNKNOWN_ORG");
    }

    @Test
    void orgOfAnotherCountyIsOutsideTheSubmitter() {
        Violation v = single(PATH, with(ROW, "所属工会代码", "130322-0001"));
        assertThat(v.code()).isEqualTo("ORG_OUTSIDE_SUBMITTER");
        assertThat(v.column()).isEqualTo("org_code");
        assertThat(v.messageZh()).isEqualTo("工会「130322-0001」不在报送单位 130306（抚宁区）的辖区内");
        assertThat(v.messageEn()).isEqualTo("union '130322-0001' is outside the area of the submitter 130306");
    }

    @ParameterizedTest
    @ValueSource(strings = {"130322", "130300", "130000"})
    void federationsAboveOrBesideTheSubmitterAreOutside(String org) {
        assertThat(single(PATH, with(ROW, "所属工会代码", org)).code()).isEqualTo("ORG_OUTSIDE_SUBMITTER");
    }

    @ParameterizedTest
    @ValueSource(strings = {"130300/2024Q3/member_events.csv", "130000/2024Q3/member_events.csv"})
    void cityAndProvinceMayReportForTheirCounties(String path) {
        assertThat(accepted(path, with(ROW, "所属工会代码", "130322-0001")).values().get("org_code")).isEqualTo("130322-0001");
    }

    @Test
    void basicUnionMayReportForItself() {
        ValidatedRow row = accepted("130306-0042/2024Q3/member_events.csv", with(ROW, "所属工会代码", "130306-0042"));
        assertThat(row.values().get("org_code")).isEqualTo("130306-0042");
    }

    @Test
    void everyProblemOfTheRowIsReportedAtOnce() {
        List<Violation> violations = rejected(PATH,
                "会员编号", "",
                "所属工会代码", "130306-9999",
                "变动类型", "人会",
                "变动日期", "昨天",
                "性别", "南",
                "出生年份", "abc");
        assertThat(violations).extracting(Violation::code, Violation::column).containsExactlyInAnyOrder(
                tuple("MISSING_VALUE", "member_id"),
                tuple("UNKNOWN_ORG", "org_code"),
                tuple("BAD_LABEL", "event_type"),
                tuple("BAD_DATE", "event_date"),
                tuple("BAD_LABEL", "gender"),
                tuple("BAD_NUMBER", "birth_year"));
        assertThat(violations).allSatisfy(v -> {
            assertThat(v.messageZh()).isNotBlank();
            assertThat(v.messageEn()).isNotBlank();
        });
    }

    @Test
    void basicUnionSubmitterMayNotReportForAnotherCounty() {
        Violation v = single("130306-0042/2024Q3/member_events.csv", with(ROW, "所属工会代码", "130322-0001"));
        assertThat(v.code()).isEqualTo("ORG_OUTSIDE_SUBMITTER");
        assertThat(v.column()).isEqualTo("org_code");
    }

    @Test
    void ruleViolationsAreReportedTogetherWithCellViolations() {
        List<Violation> violations = rejected(PATH, with(ROW, "性别", "南", "所属工会代码", "130322-0001"));
        assertThat(violations).extracting(Violation::code)
                .containsExactlyInAnyOrder("BAD_LABEL", "ORG_OUTSIDE_SUBMITTER");
    }
}
