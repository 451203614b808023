package org.unionstats.samples;

import java.util.Locale;
import java.util.Objects;

/**
 * How big an inbox to generate.
 *
 * @param name {@code tiny}, {@code small}, {@code medium} or the number given
 * @param defaultRegionScope region whose county-level units are generated unless the config overrides it
 * @param targetMemberEvents member events over all periods and counties (the other record types follow)
 */
public record Scale(String name, String defaultRegionScope, long targetMemberEvents) {

    /** 秦皇岛市 and its nine county-level units: about 0.6 % of the members move in a quarter. */
    public static final Scale TINY = new Scale("tiny", "130300", 25_000);
    /** 河北省 (190 county-level units): about 0.2 % of the members move in a quarter. */
    public static final Scale SMALL = new Scale("small", "130000", 190_000);
    /** Every county-level unit of the country: thin flows, under 0.1 % of the members a quarter. */
    public static final Scale MEDIUM = new Scale("medium", "000000", 1_100_000);

    public Scale {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultRegionScope, "defaultRegionScope");
        if (targetMemberEvents < 1) {
            throw new IllegalArgumentException("target member events must be positive: " + targetMemberEvents);
        }
    }

    /** One of the named scales, whose counties are calibrated whatever the budget of member events. */
    public boolean named() {
        return this.equals(TINY) || this.equals(SMALL) || this.equals(MEDIUM);
    }

    /**
     * {@code tiny}, {@code small}, {@code medium}, or a plain number N of member events over the whole country
     * ({@code 250000}, {@code 250_000} and {@code 250,000} are accepted).
     */
    public static Scale parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("scale is empty; expected tiny, small, medium or a number of member events");
        }
        String s = text.strip().toLowerCase(Locale.ROOT);
        switch (s) {
            case "tiny":
                return TINY;
            case "small":
                return SMALL;
            case "medium":
                return MEDIUM;
            default:
                break;
        }
        String digits = s.replace("_", "").replace(",", "");
        if (!digits.matches("\\d{1,12}")) {
            throw new IllegalArgumentException(
                    "unknown scale '" + text.strip() + "'; expected tiny, small, medium or a number of member events");
        }
        long n = Long.parseLong(digits);
        if (n < 1) {
            throw new IllegalArgumentException("scale must be at least 1 member event: " + text.strip());
        }
        return new Scale(digits, "000000", n);
    }
}
