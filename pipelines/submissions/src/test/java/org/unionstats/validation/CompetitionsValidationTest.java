package org.unionstats.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.unionstats.validation.ValidationFixture.VALID_CREDIT_CODE;
import static org.unionstats.validation.ValidationFixture.accepted;
import static org.unionstats.validation.ValidationFixture.rejected;
import static org.unionstats.validation.ValidationFixture.row;
import static org.unionstats.validation.ValidationFixture.single;
import static org.unionstats.validation.ValidationFixture.validate;
import static org.unionstats.validation.ValidationFixture.with;
import static org.unionstats.validation.ValidationFixture.without;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompetitionsValidationTest {

    private static final String COMPETITIONS = "130306/2024Q3/competitions.csv";
    private static final String ENTRIES = "130306/2024Q3/competition_entries.csv";
    /** HMAC-SHA256 of "worker_id:130306" NUL "W001" under the fixture key (Python hmac). */
    private static final String W001_IN_130306 = "10ee8614bb8a6fdb462aa9a5df006412";

    private static final String[] COMPETITION = {
        "竞赛编号", "JS2024-007",
        "主办工会代码", "130306",
        "竞赛名称", "抚宁区焊工技能大赛",
        "竞赛类别", "技能竞赛",
        "竞赛级别", "县级",
        "开始日期", "2024-06-01",
        "结束日期", "2024-07-31",
        "竞赛项目数", "3",
    };

    private static final String[] ENTRY = {
        "竞赛编号", "JS2024-001",
        "参赛单位工会代码", "130306-0001",
        "统一社会信用代码", VALID_CREDIT_CODE,
        "参赛职工编号", "W001",
        "参赛人数", "1",
        "获奖等级", "二等奖",
        "荣誉称号", "技术能手",
    };

    @Test
    void acceptedCompetition() {
        ValidatedRow row = accepted(COMPETITIONS, COMPETITION);
        assertThat(row.values()).containsExactly(
                entry("competition_id", "JS2024-007"),
                entry("organiser_org_code", "130306"),
                entry("name", "抚宁区焊工技能大赛"),
                entry("kind", "skills"),
                entry("level", "county"),
                entry("start_date", LocalDate.of(2024, 6, 1)),
                entry("end_date", LocalDate.of(2024, 7, 31)),
                entry("items", 3L));
    }

    @Test
    void competitionMayStartBeforeAndEndAfterThePeriod() {
        assertThat(accepted(COMPETITIONS, with(COMPETITION, "开始日期", "2024-01-01", "结束日期", "2024-12-31")).values())
                .containsEntry("end_date", LocalDate.of(2024, 12, 31));
        assertThat(accepted(COMPETITIONS, with(COMPETITION, "开始日期", "2024-09-30", "结束日期", "2024-09-30")).values())
                .containsEntry("start_date", LocalDate.of(2024, 9, 30));
    }

    @Test
    void endBeforeStart() {
        Violation v = single(COMPETITIONS, with(COMPETITION, "开始日期", "2024-08-10", "结束日期", "2024-08-01"));
        assertThat(v.code()).isEqualTo("END_BEFORE_START");
        assertThat(v.column()).isEqualTo("end_date");
        assertThat(v.messageZh()).isEqualTo("结束日期 2024-08-01 早于开始日期 2024-08-10");
        assertThat(v.messageEn()).isEqualTo("end_date 2024-08-01 is before start_date 2024-08-10");
    }

    @Test
    void competitionThatDoesNotOverlapThePeriod() {
        Violation v = single(COMPETITIONS, with(COMPETITION, "开始日期", "2024-01-01", "结束日期", "2024-06-30"));
        assertThat(v.code()).isEqualTo("DATE_OUTSIDE_PERIOD");
        assertThat(v.column()).isEqualTo("start_date");
        assertThat(v.messageZh()).isEqualTo("竞赛日期 2024-01-01 至 2024-06-30 与报送期间 2024Q3（2024-07-01 至 2024-09-30）没有重叠");
        assertThat(v.messageEn()).isEqualTo(
                "the competition (2024-01-01 to 2024-06-30) does not overlap the period 2024Q3 (2024-07-01 to 2024-09-30)");
        assertThat(single(COMPETITIONS, with(COMPETITION, "开始日期", "2024-10-01", "结束日期", "2024-10-02")).code())
                .isEqualTo("DATE_OUTSIDE_PERIOD");
    }

    @Test
    void organiserOfAnotherCounty() {
        Violation v = single(COMPETITIONS, with(COMPETITION, "主办工会代码", "130322"));
        assertThat(v.code()).isEqualTo("ORG_OUTSIDE_SUBMITTER");
        assertThat(v.column()).isEqualTo("organiser_org_code");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-2"})
    void competitionNeedsAtLeastOneItem(String items) {
        Violation v = single(COMPETITIONS, with(COMPETITION, "竞赛项目数", items));
        assertThat(v.column()).isEqualTo("items");
        assertThat(v.messageEn()).isEqualTo("items '" + items + "' is out of range; it must be at least 1");
    }

    @Test
    void competitionLabelsAndMissingName() {
        List<Violation> violations = rejected(COMPETITIONS,
                with(COMPETITION, "竞赛名称", "", "竞赛类别", "比武", "竞赛级别", "区级"));
        assertThat(violations).extracting(Violation::code, Violation::column).containsExactlyInAnyOrder(
                tuple("MISSING_VALUE", "name"), tuple("BAD_LABEL", "kind"), tuple("BAD_LABEL", "level"));
    }

    @Test
    void acceptedEntry() {
        ValidatedRow row = accepted(ENTRIES, ENTRY);
        assertThat(row.values()).containsExactly(
                entry("competition_id", "JS2024-001"),
                entry("org_code", "130306-0001"),
                entry("enterprise_credit_code", VALID_CREDIT_CODE),
                entry("worker_key", W001_IN_130306),
                entry("entrants", 1L),
                entry("award", "second"),
                entry("title", "技术能手"));
    }

    @Test
    void creditCodeIsUpperCased() {
        assertThat(accepted(ENTRIES, with(ENTRY, "统一社会信用代码", " 91350100m000100y43 ")).values().get("enterprise_credit_code"))
                .isEqualTo("91350100M000100Y43");
    }

    @Test
    void awardDefaultsToNone() {
        assertThat(accepted(ENTRIES, without(ENTRY, "获奖等级")).values().get("award")).isEqualTo("none");
        assertThat(accepted(ENTRIES, with(ENTRY, "获奖等级", "")).values().get("award")).isEqualTo("none");
        assertThat(accepted(ENTRIES, with(ENTRY, "获奖等级", "无")).values().get("award")).isEqualTo("none");
        assertThat(accepted(ENTRIES, with(ENTRY, "获奖等级", "一等奖")).values().get("award")).isEqualTo("first");
    }

    @Test
    void teamEntryWithoutWorker() {
        ValidatedRow row = accepted(ENTRIES, with(without(ENTRY, "参赛职工编号", "荣誉称号"), "参赛人数", "12"));
        assertThat(row.values()).doesNotContainKeys("worker_key", "title").containsEntry("entrants", 12L);
    }

    @Test
    void wrongCheckCharacter() {
        Violation v = single(ENTRIES, with(ENTRY, "统一社会信用代码", "91350100M000100Y44"));
        assertThat(v.code()).isEqualTo("BAD_CREDIT_CODE");
        assertThat(v.column()).isEqualTo("enterprise_credit_code");
        assertThat(v.messageZh()).startsWith("统一社会信用代码「91350100M000100Y44」无效：").contains("'3'");
        assertThat(v.messageEn()).startsWith("enterprise_credit_code '91350100M000100Y44' is invalid: ")
                .contains("wrong check character");
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y4", "91350100M000100Y433", "91350100M000100O43"})
    void malformedCreditCodes(String code) {
        Violation v = single(ENTRIES, with(ENTRY, "统一社会信用代码", code));
        assertThat(v.code()).isEqualTo("BAD_CREDIT_CODE");
        assertThat(v.messageEn()).contains(code);
    }

    @Test
    void unknownCompetition() {
        Violation v = single(ENTRIES, with(ENTRY, "竞赛编号", "JS2099-999"));
        assertThat(v.code()).isEqualTo("UNKNOWN_COMPETITION");
        assertThat(v.column()).isEqualTo("competition_id");
        assertThat(v.messageZh()).startsWith("竞赛编号「JS2099-999」不是已知的竞赛");
        assertThat(v.messageEn()).startsWith("competition_id 'JS2099-999' is not a known competition");
    }

    @Test
    void competitionDeclaredInTheSameBatchIsKnown() {
        ReferenceCodes refs = new ReferenceCodes(Set.of("130306-0001"), Set.of("JS2024-007"));
        assertThat(validate(ENTRIES, refs, row(with(ENTRY, "竞赛编号", "JS2024-007")))).isInstanceOf(RowResult.Accepted.class);
        assertThat(validate(ENTRIES, refs, row(ENTRY))).isInstanceOf(RowResult.Rejected.class);
    }

    @Test
    void entrantsMustBeAtLeastOne() {
        Violation v = single(ENTRIES, with(ENTRY, "参赛人数", "0"));
        assertThat(v.column()).isEqualTo("entrants");
        assertThat(v.messageZh()).isEqualTo("参赛人数「0」超出范围，应不小于 1");
    }

    @Test
    void badAwardAndUnknownOrgTogether() {
        List<Violation> violations = rejected(ENTRIES, with(ENTRY, "获奖等级", "特等奖", "参赛单位工会代码", "130306-7777"));
        assertThat(violations).extracting(Violation::code, Violation::column).containsExactlyInAnyOrder(
                tuple("BAD_LABEL", "award"), tuple("UNKNOWN_ORG", "org_code"));
    }
}
