package org.unionstats.contract;

import java.util.Arrays;
import java.util.Optional;

/** The record types of the submission contract, in the order references between them need. */
public enum RecordType {
    ORG_UNITS("org_units", "工会组织"),
    MEMBER_EVENTS("member_events", "会员变动"),
    HARDSHIP_CASES("hardship_cases", "困难职工家庭档案"),
    BALANCES("balances", "存量报告"),
    COMPETITIONS("competitions", "劳动和技能竞赛"),
    COMPETITION_ENTRIES("competition_entries", "竞赛参赛"),
    INDICATOR_REPORTS("indicator_reports", "工作指标报表"),
    TARGETS("targets", "目标任务"),
    OPINIONS("opinions", "部门意见"),
    FEEDBACK("feedback", "意见反馈");

    private final String code;
    private final String zhName;

    RecordType(String code, String zhName) {
        this.code = code;
        this.zhName = zhName;
    }

    public String code() {
        return code;
    }

    public String zhName() {
        return zhName;
    }

    public static RecordType fromCode(String code) {
        return Arrays.stream(values())
                .filter(t -> t.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown record type: " + code));
    }

    /**
     * The record type a file name starts with: its English code or Chinese name
     * ({@code member_events_v2.csv}, {@code 会员变动-第二版.xlsx}). Longest match wins, so
     * {@code competition_entries} is not read as {@code competitions}.
     */
    public static Optional<RecordType> fromFileName(String fileName) {
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        RecordType best = null;
        int bestLength = 0;
        for (RecordType type : values()) {
            for (String prefix : new String[] {type.code, type.zhName}) {
                if (lower.startsWith(prefix) && prefix.length() > bestLength) {
                    best = type;
                    bestLength = prefix.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }
}
