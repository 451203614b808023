package org.unionstats.letters.facts;

/**
 * A target issued for one KPI of a county (a row of {@code kpi_targets}) and how far the county has come.
 *
 * @param issuerCode the union that issued the target
 * @param targetPeriod the period the target is for (2024 for a year's target, 2024Q3 for a quarter's)
 * @param targetValue the value to reach
 * @param actualValue the value reached so far, or null
 * @param attainmentPct the share of the target reached, in percent (92.5 = 92.5 %), or null
 * @param expectedPacePct the share expected by now at an even pace, in percent, or null
 * @param onPace whether the attainment keeps up with the expected pace, or null when unknown
 */
public record Target(String issuerCode, String targetPeriod, double targetValue, Double actualValue, Double attainmentPct,
        Double expectedPacePct, Boolean onPace) {

    /** Behind the expected pace (unknown counts as not behind). */
    public boolean behindPace() {
        return Boolean.FALSE.equals(onPace);
    }
}
