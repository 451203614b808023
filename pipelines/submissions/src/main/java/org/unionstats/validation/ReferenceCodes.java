package org.unionstats.validation;

import java.io.Serializable;
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
}
