package org.unionstats.letters.evaluation;

import java.util.List;
import org.unionstats.letters.facts.CountyFacts;
import org.unionstats.letters.ledger.FollowUp;

/**
 * A county-level unit as its letter speaks of it: its facts, the city whose union writes, and how the letter addresses
 * it (你县, 你区, 你市).
 *
 * @param cityName the city's name (秦皇岛市)
 * @param quarter the quarter, e.g. 2024Q3
 * @param followUps the items of the previous quarter's letter and where they stand
 */
public record CountyContext(CountyFacts county, String cityCode, String cityName, String quarter, List<FollowUp> followUps) {

    public CountyContext {
        followUps = List.copyOf(followUps);
    }

    /** A county whose previous letter left no item in the ledger. */
    public CountyContext(CountyFacts county, String cityCode, String cityName, String quarter) {
        this(county, cityCode, cityName, quarter, List.of());
    }

    /** How the letter says "you": by what the unit's name ends with (县, 市, 旗); districts and zones are 区. */
    public String you() {
        String name = county.name();
        if (name.endsWith("县")) {
            return "你县";
        }
        if (name.endsWith("市")) {
            return "你市";
        }
        if (name.endsWith("旗")) {
            return "你旗";
        }
        return "你区";
    }

    /** The addressee: 海港区总工会. */
    public String countyUnion() {
        return county.name() + "总工会";
    }

    /** The sender: 秦皇岛市总工会. */
    public String cityUnion() {
        return cityName + "总工会";
    }
}
