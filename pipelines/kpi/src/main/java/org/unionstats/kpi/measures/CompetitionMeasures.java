package org.unionstats.kpi.measures;

import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.unionstats.contract.RecordType;
import org.unionstats.kpi.engine.SqlStage;

/**
 * Competitions count at their organiser in every period their dates overlap; entries count at
 * the entering union in the periods their competition overlaps. Enterprises are distinct credit
 * codes, recounted at every level: those entering through one unit only come counted per unit and period, the others
 * as keys. A competition reaches its periods through the months it overlaps ({@code period_months}), once per period.
 */
public final class CompetitionMeasures implements MeasureFamily {

    @Override
    public String kpiFamily() {
        return "competitions";
    }

    @Override
    public Set<RecordType> recordTypesReadAlone() {
        return Set.of(RecordType.COMPETITIONS, RecordType.COMPETITION_ENTRIES);
    }

    @Override
    public Dataset<Row> measures(Inputs in) {
        return SqlStage.run("competition_measures",
                Map.of("competitions", in.ingested().competitions(), "competition_entries", in.ingested().competitionEntries(),
                        "org_grain", in.orgGrain(), "period_months", in.periodMonths()),
                Map.of("qualifier_rank", QUALIFIER_RANK, "period_at_grain", PERIOD_AT_GRAIN));
    }
}
