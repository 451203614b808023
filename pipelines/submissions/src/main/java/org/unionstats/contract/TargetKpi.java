package org.unionstats.contract;

import java.io.Serializable;
import java.util.List;
import org.unionstats.values.Unit;

/**
 * A KPI of the KPI catalogue a union may be given a target for (its {@code target:}), as a target row reads it.
 *
 * @param kind {@code flow} or {@code stock}: how the KPI job follows the target through the year
 * @param better {@code up}, or {@code down} for a ceiling
 * @param names every name a target letter may use for it: id, Chinese name and the catalogue's aliases
 */
public record TargetKpi(String id, String zhName, String unit, String unitZh, String kind, String better, List<String> names,
        Unit measure) implements CatalogueMeasure, Serializable {

    /** The unit code of a rate (a fraction 0–1). */
    public static final String RATIO = "ratio";

    public TargetKpi {
        names = List.copyOf(names);
    }

    /** The KPI as messages name it: {@code 新入会会员数 (members_joined)}. */
    public String displayName() {
        return zhName + " (" + id + ")";
    }
}
