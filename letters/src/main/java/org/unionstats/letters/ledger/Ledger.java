package org.unionstats.letters.ledger;

import java.util.List;
import java.util.Map;

/**
 * What a city's letters of a quarter carry beside the KPIs: the department opinions to each county for the quarter, and
 * how the items of the previous quarter's letters stand, by county code.
 */
public record Ledger(Map<String, List<Opinion>> opinions, Map<String, List<FollowUp>> followUps) {

    public static final Ledger EMPTY = new Ledger(Map.of(), Map.of());

    public Ledger {
        opinions = Map.copyOf(opinions);
        followUps = Map.copyOf(followUps);
    }

    public List<Opinion> opinions(String county) {
        return opinions.getOrDefault(county, List.of());
    }

    public List<FollowUp> followUps(String county) {
        return followUps.getOrDefault(county, List.of());
    }
}
