package org.unionstats.validation;

import java.io.Serializable;
import java.util.Set;

/**
 * Codes rows may refer to beyond the region dimension: basic-level unions declared in org_units
 * and competitions declared in competitions, in the warehouse already or in the same batch, and the
 * items of the guidance letters issued so far ({@code letter_items}), which feedback answers.
 */
public record ReferenceCodes(Set<String> orgCodes, Set<String> competitionIds, Set<String> letterItems) implements Serializable {

    public ReferenceCodes {
        orgCodes = Set.copyOf(orgCodes);
        competitionIds = Set.copyOf(competitionIds);
        letterItems = Set.copyOf(letterItems);
    }

    /** Codes without letter items: for batches that answer no letter. */
    public ReferenceCodes(Set<String> orgCodes, Set<String> competitionIds) {
        this(orgCodes, competitionIds, Set.of());
    }

    public static ReferenceCodes none() {
        return new ReferenceCodes(Set.of(), Set.of());
    }
}
