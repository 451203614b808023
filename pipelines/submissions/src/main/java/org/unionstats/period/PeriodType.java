package org.unionstats.period;

/** The reporting period lengths of the contract. */
public enum PeriodType {
    MONTH("month"),
    QUARTER("quarter"),
    HALF_YEAR("half_year"),
    YEAR("year");

    private final String code;

    PeriodType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Months in one period of this type. */
    public int months() {
        return switch (this) {
            case MONTH -> 1;
            case QUARTER -> 3;
            case HALF_YEAR -> 6;
            case YEAR -> 12;
        };
    }
}
