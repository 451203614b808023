package org.unionstats.validation;

import java.io.Serializable;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Codes rows may refer to beyond the region dimension: basic-level unions declared in org_units
 * and competitions declared in competitions, in the warehouse already or in the same batch.
 */
public record ReferenceCodes(Set<String> orgCodes, Set<String> competitionIds) implements Serializable {

    public ReferenceCodes {
        orgCodes = Set.copyOf(orgCodes);
        competitionIds = Set.copyOf(competitionIds);
    }

    public static ReferenceCodes none() {
        return new ReferenceCodes(Set.of(), Set.of());
    }

    /** From a lookup keyed {@code org:<code>} or {@code competition:<id>}. */
    public static ReferenceCodes of(Map<String, String> codeKinds) {
        Set<String> orgs = new HashSet<>();
        Set<String> competitions = new HashSet<>();
        codeKinds.forEach((key, kind) -> ("org".equals(kind) ? orgs : competitions).add(key.substring(kind.length() + 1)));
        return new ReferenceCodes(orgs, competitions);
    }
}
