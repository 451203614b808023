package org.unionstats.samples;

import java.time.LocalDate;

/**
 * A basic-level union of a county.
 *
 * @param level contract code: township, community, industry or enterprise
 * @param introducedIn index of the period whose file first declares it; 0 for the initial set
 * @param creditCode the enterprise's unified social credit code, null for non-enterprise unions
 */
record OrgUnit(
        String code,
        String name,
        String level,
        String parentCode,
        String regionCode,
        LocalDate establishedOn,
        long workforce,
        int introducedIn,
        String creditCode) {

    OrgUnit withWorkforce(long newWorkforce) {
        return new OrgUnit(code, name, level, parentCode, regionCode, establishedOn, newWorkforce, introducedIn, creditCode);
    }

    boolean isEnterprise() {
        return creditCode != null;
    }
}
