package org.unionstats.kpi.measures;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.unionstats.kpi.engine.IngestedTables;
import org.unionstats.kpi.engine.SqlStage;

/**
 * The hardship register: each case as its latest record says (a period's file lists the cases that changed in it; the
 * first file may list every case on file, filed years before), with the end of the period whose submission first
 * reported it closed (closures carry no date) and the weakest qualifier of all its records. The SQL is
 * {@code hardship_register.sql}.
 */
public final class HardshipRegister {

    /** The SQL stage that computes it. */
    static final String STAGE = "hardship_register";

    private HardshipRegister() {}

    public static Dataset<Row> of(IngestedTables ingested, Dataset<Row> calendar) {
        return of(ingested.hardshipCases(), calendar);
    }

    /** The register of these records (every record of each case they hold, for its latest state to be right). */
    static Dataset<Row> of(Dataset<Row> hardshipCases, Dataset<Row> calendar) {
        return SqlStage.run(STAGE, Map.of("hardship_cases", hardshipCases, "calendar", calendar),
                Map.of("qualifier_rank", MeasureFamily.QUALIFIER_RANK));
    }
}
