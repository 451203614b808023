package org.unionstats.contract;

import java.io.Serializable;
import java.util.List;

/** An entry of the indicator catalogue ({@code schemas/reference/indicators.csv}). */
public record Indicator(
        String id, String zhName, String unit, String unitZh, String kind, List<String> nameAliases, List<String> unitAliases)
        implements Serializable {

    public Indicator {
        nameAliases = List.copyOf(nameAliases);
        unitAliases = List.copyOf(unitAliases);
    }

    public boolean isStock() {
        return "stock".equals(kind);
    }
}
