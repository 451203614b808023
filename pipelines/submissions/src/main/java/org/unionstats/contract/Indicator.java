package org.unionstats.contract;

import java.io.Serializable;
import java.util.List;
import org.unionstats.values.Unit;

/** An entry of the indicator catalogue ({@code schemas/reference/indicators.csv}). */
public record Indicator(
        String id, String zhName, String unit, String unitZh, String kind, List<String> nameAliases, List<String> unitAliases)
        implements CatalogueMeasure, Serializable {

    public Indicator {
        nameAliases = List.copyOf(nameAliases);
        unitAliases = List.copyOf(unitAliases);
    }

    /**
     * The indicator's unit with every word that may name it: its code and Chinese name, the catalogue's
     * aliases, and the classifiers reports use for it ({@code 名} and {@code 位} for persons, {@code 家} for
     * stations ...).
     */
    @Override
    public Unit measure() {
        return Unit.of(unit, unitZh, unitAliases);
    }

    public boolean isStock() {
        return "stock".equals(kind);
    }
}
