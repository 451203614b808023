package org.unionstats.dashboards.assets;

/**
 * One KPI of the catalogue (schemas/kpis/*.yaml), as the dashboards need it.
 *
 * @param numerator for a ratio: the numerator KPI id, else null
 * @param denominator for a ratio: the denominator KPI id, else null
 * @param scale for a ratio: the factor (1 unless the catalogue says otherwise)
 */
public record Kpi(String id, String family, String nameZh, String nameEn, String description, String unit, String additivity,
        String better, String numerator, String denominator, double scale) {

    /** Summed over disjoint orgs of one period gives the value of their union: flows and stocks. */
    public boolean summable() {
        return "additive_flow".equals(additivity) || "stock".equals(additivity);
    }

    public boolean ratio() {
        return numerator != null;
    }
}
