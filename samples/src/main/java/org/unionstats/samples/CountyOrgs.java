package org.unionstats.samples;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.unionstats.regions.Region;

/**
 * The basic-level unions of one county over the run: the initial set, the unions established in later periods,
 * and which rows each period's org_units file declares (the full set first, then new and changed units).
 */
final class CountyOrgs {

    private final Region county;
    private final double weight;
    private final List<OrgUnit> units;
    private final List<List<OrgUnit>> declaredByPeriod;

    CountyOrgs(Region county, double weight, List<OrgUnit> units, List<List<OrgUnit>> declaredByPeriod) {
        this.county = county;
        this.weight = weight;
        this.units = List.copyOf(units);
        this.declaredByPeriod = declaredByPeriod.stream().map(List::copyOf).toList();
    }

    Region county() {
        return county;
    }

    String code() {
        return county.code();
    }

    double weight() {
        return weight;
    }

    List<OrgUnit> units() {
        return units;
    }

    /** Rows of the org_units file of the period with this index (empty: no file). */
    List<OrgUnit> declaredIn(int periodIndex) {
        return declaredByPeriod.get(periodIndex);
    }

    /** Unions declared by the end of the given period and established on or before the date. */
    List<OrgUnit> activeOn(LocalDate date, int periodIndex) {
        List<OrgUnit> out = new ArrayList<>();
        for (OrgUnit u : units) {
            if (u.introducedIn() <= periodIndex && !u.establishedOn().isAfter(date)) {
                out.add(u);
            }
        }
        return out.isEmpty() ? initial() : out;
    }

    /** Unions of the first period's file. */
    List<OrgUnit> initial() {
        return units.stream().filter(u -> u.introducedIn() == 0).toList();
    }

    /** Enterprise unions declared by the end of the given period. */
    List<OrgUnit> enterprises(int periodIndex) {
        return units.stream().filter(u -> u.isEnterprise() && u.introducedIn() <= periodIndex).toList();
    }
}
