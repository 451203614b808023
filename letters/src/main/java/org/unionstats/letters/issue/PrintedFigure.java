package org.unionstats.letters.issue;

import org.unionstats.letters.compose.KpiRow;
import org.unionstats.letters.facts.KpiFacts;
import org.unionstats.letters.facts.Target;

/**
 * One KPI of an issued letter: the numbers it was printed from and the row as printed.
 *
 * @param value the value this quarter, or null (the unit's: ratios as fractions)
 * @param attainmentPct the shown target's attainment in %, or null
 */
public record PrintedFigure(String kpiId, String unit, Double value, Double changeOnQuarter, Double changeOnYear, Integer rank,
        Integer ranked, Double targetValue, Double attainmentPct, KpiRow row) {

    public static PrintedFigure of(KpiFacts k, KpiRow row) {
        return new PrintedFigure(k.kpiId(), k.unit(), k.value(), k.changeOnQuarter(), k.changeOnYear(), k.rank(), k.ranked(),
                k.target().map(Target::targetValue).orElse(null), k.target().map(Target::attainmentPct).orElse(null), row);
    }
}
