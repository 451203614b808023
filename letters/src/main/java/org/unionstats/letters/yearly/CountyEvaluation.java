package org.unionstats.letters.yearly;

/**
 * A county-level unit's yearly evaluation (年度考核) and its parts (docs/letters.md, Yearly county evaluation). A part
 * without a basis (no annual target, no ranked KPI, no item due, no report expected) has a null score and counts in
 * neither the score nor its weights.
 *
 * @param targetAttainmentPct mean attainment of the city's annual targets for the unit, each capped at 100 %
 * @param meanPosition mean position on the ranked headline KPIs at the year's fourth quarter: 0 first, 1 last
 * @param total 100 × the parts' points over the weights of the parts that apply
 * @param rankInCity the total's rank among the city's units (1 best; equal totals share a rank)
 */
public record CountyEvaluation(String countyCode, String countyName, int targets, Double targetAttainmentPct, Double targetScore,
        int kpisRanked, Double meanPosition, Double rankScore, int itemsDue, int itemsClosed, Double followUpScore,
        long reportsExpected, long reportsOnTime, Double reportingScore, double total, int rankInCity) {

    /** The points of each part: 40 target attainment, 30 rank at Q4, 20 follow-up closure, 10 reporting on time. */
    public static final double TARGET_WEIGHT = 40;
    public static final double RANK_WEIGHT = 30;
    public static final double FOLLOW_UP_WEIGHT = 20;
    public static final double REPORTING_WEIGHT = 10;
    /** Attainment above this counts as this. */
    public static final double ATTAINMENT_CAP_PCT = 100;
}
