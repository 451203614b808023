package org.unionstats.letters.evaluation;

import java.util.Map;

/** The required reports as a letter names them (the names of the view ops.missing_reports). */
public final class RecordTypes {

    private static final Map<String, String> NAMES = Map.of("member_events", "会员变动", "hardship_cases", "困难职工家庭档案",
            "indicator_reports", "工作指标报表");

    private RecordTypes() {}

    public static String name(String recordType) {
        return NAMES.getOrDefault(recordType, recordType);
    }
}
