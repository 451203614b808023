package org.unionstats.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RecordTypeTest {

    @Test
    void codesAndChineseNames() {
        assertThat(RecordType.values()).extracting(RecordType::code).containsExactly(
                "org_units", "member_events", "hardship_cases", "balances", "competitions", "competition_entries", "indicator_reports",
                "targets", "opinions", "feedback");
        assertThat(RecordType.values()).extracting(RecordType::zhName).containsExactly(
                "工会组织", "会员变动", "困难职工家庭档案", "存量报告", "劳动和技能竞赛", "竞赛参赛", "工作指标报表", "目标任务", "部门意见",
                "意见反馈");
    }

    @Test
    void fromCode() {
        assertThat(RecordType.fromCode("member_events")).isEqualTo(RecordType.MEMBER_EVENTS);
        assertThat(RecordType.fromCode("competition_entries")).isEqualTo(RecordType.COMPETITION_ENTRIES);
        assertThatThrownBy(() -> RecordType.fromCode("members"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("members");
    }

    @ParameterizedTest
    @CsvSource({
        "会员变动-第二版.xlsx, MEMBER_EVENTS",
        "会员变动.csv, MEMBER_EVENTS",
        "member_events.csv, MEMBER_EVENTS",
        "member_events_v2.csv, MEMBER_EVENTS",
        "Member_Events.CSV, MEMBER_EVENTS",
        "competition_entries.csv, COMPETITION_ENTRIES",
        "competition_entries_2024Q3.xlsx, COMPETITION_ENTRIES",
        "competitions.csv, COMPETITIONS",
        "competitions-第二版.csv, COMPETITIONS",
        "竞赛参赛.jsonl, COMPETITION_ENTRIES",
        "劳动和技能竞赛.xlsx, COMPETITIONS",
        "org_units.csv, ORG_UNITS",
        "工会组织（新增）.xlsx, ORG_UNITS",
        "hardship_cases.jsonl, HARDSHIP_CASES",
        "困难职工家庭档案2024.xlsx, HARDSHIP_CASES",
        "indicator_reports.csv, INDICATOR_REPORTS",
        "工作指标报表.xlsx, INDICATOR_REPORTS",
        "balances.csv, BALANCES",
        "balances_2023Q1.xlsx, BALANCES",
        "Balances-v2.jsonl, BALANCES",
        "存量报告.xlsx, BALANCES",
        "存量报告（第二版）.csv, BALANCES",
        "targets.csv, TARGETS",
        "targets_2024.xlsx, TARGETS",
        "目标任务.xlsx, TARGETS",
        "目标任务书-第二版.xlsx, TARGETS",
        "opinions.csv, OPINIONS",
        "部门意见-2024年第三季度.xlsx, OPINIONS",
        "feedback_130302.csv, FEEDBACK",
        "意见反馈.xlsx, FEEDBACK",
    })
    void fromFileName(String fileName, RecordType expected) {
        assertThat(RecordType.fromFileName(fileName)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"members.csv", "report.xlsx", "events_member.csv", "2024会员变动.xlsx", "competition.csv", "balance.csv", "存量.csv", "target.csv", "目标.csv", ""})
    void unknownFileNames(String fileName) {
        assertThat(RecordType.fromFileName(fileName)).isEmpty();
    }
}
