package org.unionstats.kpi.engine;

import java.util.List;
import org.unionstats.kpis.KpiDefinition;

/**
 * The columns a KPI has in the wide frames ({@link KpiDerivation}, {@link KpiProjections#wide}, the rows read back by
 * {@link PublishedKpis}): its value {@code v_<kpi>} and qualifier rank {@code q_<kpi>}, and a numerator {@code n_<kpi>}
 * and denominator {@code d_<kpi>} only where it has them, a ratio or a change on a year earlier. The other KPIs' would
 * be null in every row: 70 of 160 columns. Rows that wide made the code Spark generates to write and read them too
 * large for HotSpot to compile (docs/benchmarks.md).
 */
final class WideColumns {

    private WideColumns() {}

    private static boolean hasParts(KpiDefinition kpi) {
        return kpi.ratio() != null || kpi.yoyOf() != null;
    }

    /** What a KPI's column in a wide frame holds. */
    enum Role {
        VALUE, NUMERATOR, DENOMINATOR, QUALIFIER
    }

    /** A KPI's column in a wide frame: its name and what it holds. */
    record Column(String name, Role role) {}

    /** The KPI's columns in a wide frame, in their order there. */
    static List<Column> of(KpiDefinition kpi) {
        String id = kpi.id();
        Column value = new Column("v_" + id, Role.VALUE);
        Column qualifier = new Column("q_" + id, Role.QUALIFIER);
        return hasParts(kpi)
                ? List.of(value, new Column("n_" + id, Role.NUMERATOR), new Column("d_" + id, Role.DENOMINATOR), qualifier)
                : List.of(value, qualifier);
    }

    /** The numerator of a KPI in a wide frame: its column, or a typed null. */
    static String numerator(KpiDefinition kpi) {
        return hasParts(kpi) ? "n_" + kpi.id() : "CAST(NULL AS DOUBLE)";
    }

    /** The denominator of a KPI in a wide frame: its column, or a typed null. */
    static String denominator(KpiDefinition kpi) {
        return hasParts(kpi) ? "d_" + kpi.id() : "CAST(NULL AS DOUBLE)";
    }
}
