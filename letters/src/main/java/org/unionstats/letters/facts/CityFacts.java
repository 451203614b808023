package org.unionstats.letters.facts;

import java.util.List;

/**
 * A city's county-level units for one quarter, in code order: every one of them gets a letter, those that reported
 * nothing included.
 *
 * @param code the city union's code (for the districts of a municipality, the province-rank federation's)
 * @param quarter the quarter, e.g. 2024Q3
 */
public record CityFacts(String code, String name, String quarter, List<CountyFacts> counties) {

    public CityFacts {
        counties = List.copyOf(counties);
    }
}
