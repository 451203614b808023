package org.unionstats.dashboards.assets;

import java.util.Map;
import org.unionstats.kpis.KpiDefinition;

/** How a KPI's unit reads on a dashboard: the Chinese unit word and the d3 number format. */
public final class KpiFormats {

    private static final Map<String, String> UNIT_ZH = Map.ofEntries(
            Map.entry("persons", "人"), Map.entry("households", "户"), Map.entry("union_orgs", "个"), Map.entry("CNY", "元"),
            Map.entry("ratio", "%"), Map.entry("calls", "件"), Map.entry("cases", "件"), Map.entry("competitions", "项"),
            Map.entry("days", "天"), Map.entry("enterprises", "家"), Map.entry("entries", "项"), Map.entry("events", "场"),
            Map.entry("items", "项"), Map.entry("jobs", "个"), Map.entry("per_100_members", "人/百名会员"),
            Map.entry("person_times", "人次"), Map.entry("stations", "个"));

    private KpiFormats() {}

    /** SQL turning the catalogue's unit word in the given column into Chinese. */
    public static String unitZhSql(String column) {
        StringBuilder sql = new StringBuilder("CASE " + column);
        new java.util.TreeMap<>(UNIT_ZH).forEach((unit, zh) -> sql.append(" WHEN '").append(unit).append("' THEN '").append(zh).append("'"));
        return sql.append(" ELSE ").append(column).append(" END").toString();
    }

    /** The unit in Chinese; the catalogue's word when there is no translation yet. */
    public static String unitZh(KpiDefinition kpi) {
        return UNIT_ZH.getOrDefault(kpi.unit(), kpi.unit());
    }

    /** d3-format: percentages for ratios, one decimal for rates per 100 and medians, thousands separators for counts and money. */
    public static String d3Format(KpiDefinition kpi) {
        return switch (kpi.unit()) {
            case "ratio" -> ".1%";
            case "per_100_members", "days" -> ",.1f";
            case "CNY" -> ",.0f";
            default -> ",.0f";
        };
    }

    /** The label a chart shows: the Chinese name with the unit, e.g. 期末会员数（人）; ratios as 解困脱困率（%）. */
    public static String label(KpiDefinition kpi) {
        return kpi.nameZh() + "（" + unitZh(kpi) + "）";
    }
}
