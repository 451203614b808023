package org.unionstats.regions;

import java.util.Locale;

/** Level of a unit in the region dimension, as written in the {@code level} column of regions.csv. */
public enum RegionLevel {
    NATIONAL,
    PROVINCE,
    CITY,
    COUNTY;

    /** The lower-case code used in regions.csv, e.g. {@code "county"}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a level code ({@code national}, {@code province}, {@code city}, {@code county}); case and
     * surrounding blanks are ignored.
     *
     * @throws IllegalArgumentException for null or an unknown code
     */
    public static RegionLevel fromCode(String code) {
        if (code != null) {
            String c = code.strip();
            for (RegionLevel level : values()) {
                if (level.code().equalsIgnoreCase(c)) {
                    return level;
                }
            }
        }
        throw new IllegalArgumentException("unknown region level: " + code);
    }
}
