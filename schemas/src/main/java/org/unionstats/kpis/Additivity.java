package org.unionstats.kpis;

/** How a KPI adds up across orgs and over time (shared/reference/kpi-notes.md, section 0). */
public enum Additivity {
    /** Summed across orgs and periods. */
    ADDITIVE_FLOW,
    /** Summed across orgs; over time the value at the period's end. */
    STOCK,
    /** Recounted over the subtree's keys, never summed. */
    DISTINCT_COUNT,
    /** Recomputed from the subtree's values. */
    MEDIAN,
    /** Recomputed from summed numerator and denominator, never averaged. */
    RATIO;

    public static Additivity fromCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }

    /** Whether the values of disjoint orgs in one period add up to the value of their union: flows and stocks. */
    public boolean summedOverOrgs() {
        return this == ADDITIVE_FLOW || this == STOCK;
    }

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
