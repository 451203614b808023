package org.unionstats.warehouse.tables;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** The KPI catalogue (schemas/kpis/&lt;family&gt;.yaml) as column comments: one per KPI, names in both languages, unit and definition. */
public final class KpiDictionary {

    /** One family's name and its KPIs (id → comment), in catalogue order. */
    public record Family(String id, String nameZh, String nameEn, Map<String, String> kpis) {}

    private KpiDictionary() {}

    public static Family family(String id) {
        JsonNode yaml = Resources.yaml("kpis/" + id + ".yaml");
        Map<String, String> kpis = new LinkedHashMap<>();
        for (JsonNode kpi : yaml.path("kpis")) {
            kpis.put(kpi.path("id").asText(), comment(kpi));
        }
        if (kpis.isEmpty()) {
            throw new IllegalStateException("schemas/kpis/" + id + ".yaml lists no KPIs");
        }
        return new Family(id, yaml.path("name_zh").asText(), yaml.path("name_en").asText(), kpis);
    }

    static String comment(JsonNode kpi) {
        String unit = kpi.path("unit").asText("");
        return kpi.path("name_zh").asText() + " / " + kpi.path("name_en").asText() + (unit.isEmpty() ? "" : "（" + unit + "）") + "："
                + kpi.path("description").asText("");
    }
}
