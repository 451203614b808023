package org.unionstats.letters.facts;

/**
 * How a county reported one required record type in the quarter (a row of {@code reporting_completeness}).
 *
 * @param recordType member_events, hardship_cases or indicator_reports
 * @param expected reports owed (1 for a county and a record type)
 * @param received reports received
 * @param onTime reports received by the deadline
 */
public record Reporting(String recordType, long expected, long received, long onTime) {

    public boolean missing() {
        return received < expected;
    }

    /** Received in full, but not all by the deadline. */
    public boolean late() {
        return !missing() && onTime < expected;
    }
}
