package org.unionstats.samples;

import java.time.LocalDate;

/**
 * A basic-level union of a county.
 *
 * @param level contract code: township, community, industry or enterprise
 * @param workforce employees of the unionised employers (the org_units column 职工人数)
 * @param members members on the union's own register at the opening date (the day before the first period); 0 for
 *     a union established later, which grows by joins
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
        long members,
        int introducedIn,
        String creditCode) {

    OrgUnit withWorkforce(long newWorkforce) {
        return new OrgUnit(code, name, level, parentCode, regionCode, establishedOn, newWorkforce, members, introducedIn,
                creditCode);
    }

    OrgUnit withMembers(long newMembers, long newWorkforce) {
        return new OrgUnit(code, name, level, parentCode, regionCode, establishedOn, newWorkforce, newMembers, introducedIn,
                creditCode);
    }

    boolean isEnterprise() {
        return creditCode != null;
    }

    /** A 乡镇街道, 村社区 or 行业 union: it keeps the members of small firms without a union of their own. */
    boolean isJoint() {
        return !isEnterprise();
    }
}
