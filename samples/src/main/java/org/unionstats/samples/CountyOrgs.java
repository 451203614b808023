package org.unionstats.samples;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.unionstats.regions.Region;

/**
 * The basic-level unions of one county over the run: the initial set with its members at the opening date, the
 * unions established in later periods, which rows each period's org_units file declares (the full set first, then
 * new and changed units), and the small firms whose workers belong to the 联合工会 of its townships and industries.
 */
final class CountyOrgs {

    /** A small firm without a union of its own, whose workers are members of a joint union. */
    record SmallFirm(String orgCode, String creditCode) {}

    private final Region county;
    private final double weight;
    private final List<OrgUnit> units;
    private final List<List<OrgUnit>> declaredByPeriod;
    private final List<SmallFirm> smallFirms;
    private final long openingMembers;

    CountyOrgs(Region county, double weight, List<OrgUnit> units, List<List<OrgUnit>> declaredByPeriod,
            List<SmallFirm> smallFirms) {
        this.county = county;
        this.weight = weight;
        this.units = List.copyOf(units);
        this.declaredByPeriod = declaredByPeriod.stream().map(List::copyOf).toList();
        this.smallFirms = List.copyOf(smallFirms);
        this.openingMembers = this.units.stream().mapToLong(OrgUnit::members).sum();
    }

    /**
     * The same county when it sends nothing for the given period: the unions its org_units file would have declared
     * then are declared in the next period's file (a changed row of the next period wins); when the period is the
     * last, the unions established in it are never declared, so they do not exist for anyone else either.
     */
    CountyOrgs withMissingPeriod(int missing) {
        List<List<OrgUnit>> declared = new ArrayList<>(declaredByPeriod);
        List<OrgUnit> kept = units;
        if (missing + 1 < declared.size()) {
            java.util.Map<String, OrgUnit> merged = new java.util.LinkedHashMap<>();
            declared.get(missing).forEach(u -> merged.put(u.code(), u));
            declared.get(missing + 1).forEach(u -> merged.put(u.code(), u));
            declared.set(missing + 1, new ArrayList<>(merged.values()));
        } else {
            kept = units.stream().filter(u -> u.introducedIn() != missing).toList();
        }
        declared.set(missing, List.of());
        return new CountyOrgs(county, weight, kept, declared, smallFirms);
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

    /** Members of all its unions at the opening date. */
    long openingMembers() {
        return openingMembers;
    }

    List<SmallFirm> smallFirms() {
        return smallFirms;
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
