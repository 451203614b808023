package org.unionstats.letters.facts;

/**
 * A data-quality finding of the quarter (a row of {@code dq_findings}) at the county or at one of its basic-level unions.
 *
 * @param severity {@code error} or {@code warning}
 * @param orgCode the union it was found at
 * @param messageZh what was found and what to check, as the KPI job wrote it
 */
public record Finding(String ruleId, String severity, String orgCode, String messageZh) {

    public static final String ERROR = "error";

    public boolean isError() {
        return ERROR.equals(severity);
    }
}
