package org.unionstats.kpis;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Who owes reports and by when: reporting completeness expects every county-level unit of the region table under one
 * of the {@code scope} regions, for every quarter, and counts a submission on time when it was received at most
 * {@code deadlineDays} days after the quarter's end.
 *
 * @param deadlineDays days after a period's end a submission is on time
 * @param scope region codes whose county-level units owe reports ({@value #NATIONAL} = the whole country)
 */
public record ReportingRules(int deadlineDays, List<String> scope) {

    /** Days after a period's end a submission is on time, unless told otherwise. */
    public static final int DEFAULT_DEADLINE_DAYS = 15;

    /** The root region: every county-level unit of the country owes reports. */
    public static final String NATIONAL = "000000";

    public static final ReportingRules DEFAULT = new ReportingRules(DEFAULT_DEADLINE_DAYS, List.of(NATIONAL));

    public ReportingRules {
        if (deadlineDays < 0) {
            throw new IllegalArgumentException("deadline days must not be negative: " + deadlineDays);
        }
        Objects.requireNonNull(scope, "scope");
        if (scope.isEmpty()) {
            throw new IllegalArgumentException("the reporting scope needs at least one region code");
        }
        for (String code : scope) {
            if (code == null || !code.matches("\\d{6}")) {
                throw new IllegalArgumentException("a reporting scope is a list of 6-digit region codes, e.g. 130000,140000: " + code);
            }
        }
        scope = List.copyOf(scope);
    }

    /** A scope as written on a command line: {@code 130000} or {@code 130000,140000}. */
    public static List<String> parseScope(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The scope as written on a command line. */
    public String scopeText() {
        return String.join(",", scope);
    }
}
