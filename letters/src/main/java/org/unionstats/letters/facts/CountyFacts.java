package org.unionstats.letters.facts;

import java.util.List;

/**
 * What the letter to one county-level unit rests on, for one quarter.
 *
 * @param functionalZone a development zone, new area…: a county-level unit without a county's government
 * @param kpis the scorecard's headline KPIs in their order, then the other KPIs a target was issued for; empty when the
 *     county has no KPI value in the quarter
 * @param findings the data-quality findings at the county and its basic-level unions, errors first
 * @param reporting the required record types; empty when the county is outside the reporting scope
 */
public record CountyFacts(String code, String name, boolean functionalZone, List<KpiFacts> kpis, List<Finding> findings,
        List<Reporting> reporting) {

    public CountyFacts {
        kpis = List.copyOf(kpis);
        findings = List.copyOf(findings);
        reporting = List.copyOf(reporting);
    }

    public List<KpiFacts> headline() {
        return kpis.stream().filter(KpiFacts::headline).toList();
    }

    public List<KpiFacts> ranked() {
        return kpis.stream().filter(KpiFacts::isRanked).toList();
    }

    /** Whether any target was issued to the county for the quarter. */
    public boolean hasTargets() {
        return kpis.stream().anyMatch(k -> !k.targets().isEmpty());
    }
}
