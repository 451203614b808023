package org.unionstats.letters.facts;

import java.util.List;
import java.util.Optional;

/**
 * One KPI of a county in the quarter: a headline KPI of {@code county_scorecard} (value, changes, rank in the city),
 * or a KPI outside the scorecard that a target was issued for (value and targets only).
 *
 * @param unit the catalogue's unit (persons, households, ratio, per_100_members…)
 * @param changeOnQuarter the value less the previous quarter's, or null
 * @param changeOnYear the value less the same quarter's a year earlier, or null
 * @param rank the rank among the city's county-level units, 1 = best, or null when not ranked
 * @param ranked how many county-level units were ranked on this KPI, or null
 * @param bottomQuarter the scorecard's flag: in the city's bottom quarter
 * @param targets the targets issued for this KPI, the one the letter shows first: the city's own before others', then
 *     by target period (a year's before its quarters')
 */
public record KpiFacts(String kpiId, String nameZh, String unit, Better better, boolean headline, Double value, Double changeOnQuarter,
        Double changeOnYear, Integer rank, Integer ranked, boolean bottomQuarter, List<Target> targets) {

    public KpiFacts {
        targets = List.copyOf(targets);
    }

    /** Ranked among at least two county-level units. */
    public boolean isRanked() {
        return rank != null && ranked != null && ranked >= 2;
    }

    /** Alone at the bottom of the city (last of at least two). */
    public boolean isLast() {
        return isRanked() && rank.equals(ranked);
    }

    /** How far down the city's ranking: 0 for the first, 1 for the last. */
    public double rankPosition() {
        return isRanked() ? (rank - 1) / (double) (ranked - 1) : 0;
    }

    /** The target the letter shows in the KPI table: the first of {@link #targets}. */
    public Optional<Target> target() {
        return targets.stream().findFirst();
    }

    public KpiFacts withTargets(List<Target> more) {
        return new KpiFacts(kpiId, nameZh, unit, better, headline, value, changeOnQuarter, changeOnYear, rank, ranked, bottomQuarter, more);
    }
}
