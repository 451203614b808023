package org.unionstats.kpi.measures;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.unionstats.kpi.engine.IngestedTables;
import org.unionstats.kpi.engine.SqlStage;

/**
 * How far back submissions new or withdrawn since the last KPI run change the KPIs. A submission changes its own
 * periods, and later ones through the stocks; it can also restate earlier ones: a hardship case filed before the
 * period that lists it, a union's latest declaration (its founding date and workforce count from its founding), a
 * competition begun earlier (its entries count in every period it overlaps), a target for the whole year, or events
 * before a union's first balance (which anchors its stock before every month). The SQL is {@code restated_since.sql}.
 */
public final class Restatements {

    /** A submission gone since the last run: its rows are gone, so only its record type and period are known. */
    public record Withdrawn(String recordType, LocalDate periodStart) {}

    /**
     * What the submissions of one record type restate.
     *
     * @param since the earliest date from which they change the KPIs, if before their own periods' ends
     * @param everyPeriod whether one changes them before every month
     */
    public record Restated(String recordType, Optional<LocalDate> since, boolean everyPeriod) {

        /** For the log: the record type, and from when. */
        public String reason() {
            return recordType + (everyPeriod ? " before every month" : " from " + since.orElseThrow());
        }
    }

    /**
     * What the check found.
     *
     * @param restated per record type that restates earlier periods, from when, in record type order
     * @param register the hardship register of every case now, where the check was given the one kept by the last
     *     run: the kept rows of the cases no new record touches, and the touched cases computed anew
     */
    public record Check(List<Restated> restated, Optional<Dataset<Row>> register) {}

    private Restatements() {}

    /**
     * @param fresh the new submissions' ids
     * @param freshPeriods their submission periods (the partitions their rows are in)
     * @param keptRegister the hardship register as the last run kept it ({@link KeptHardshipRegister}), when no
     *     hardship submission is gone since: the touched cases' rows in it are their register before the new rows
     */
    public static Check of(IngestedTables ingested, Dataset<Row> calendar, Collection<String> fresh, Collection<String> freshPeriods,
            List<Withdrawn> withdrawn, Optional<Dataset<Row>> keptRegister) {
        SparkSession spark = calendar.sparkSession();
        Dataset<Row> ids = spark.createDataFrame(fresh.stream().map(id -> RowFactory.create(id)).toList(),
                StructType.fromDDL("submission_id STRING"));
        Column inFreshPeriods = col("period").isin(freshPeriods.toArray());
        Dataset<Row> newCases = ingested.hardshipCases().where(inFreshPeriods);
        // Renamed: both sides of the next join read the same table, and Spark would take equal names for one column.
        // Broadcast: a quarter's cases (291 k on medium) against every case's records (3.3 M), and the kept register, which
        // a shuffled join would each sort whole.
        Dataset<Row> touchedKeys = broadcast(newCases.join(ids, newCases.col("submission_id").equalTo(ids.col("submission_id")), "left_semi")
                .select(col("org_code").as("touched_org_code"), col("case_id").as("touched_case_id")).distinct());
        Dataset<Row> cases = ingested.hardshipCases();
        // Every record of each touched case: its latest state depends on all of them.
        Dataset<Row> touched = cases.join(touchedKeys,
                cases.col("org_code").equalTo(col("touched_org_code")).and(cases.col("case_id").equalTo(col("touched_case_id"))),
                "left_semi");
        Dataset<Row> registerNow = HardshipRegister.of(touched, calendar);
        Dataset<Row> registerBefore;
        Optional<Dataset<Row>> register = Optional.empty();
        if (keptRegister.isPresent()) {
            Dataset<Row> kept = keptRegister.get();
            // Computed once, read twice: by the check and in the register of every case.
            registerNow = registerNow.localCheckpoint();
            Column isTouched = kept.col("org_code").equalTo(col("touched_org_code")).and(kept.col("case_id").equalTo(col("touched_case_id")));
            registerBefore = kept.join(touchedKeys, isTouched, "left_semi");
            register = Optional.of(kept.join(touchedKeys, isTouched, "left_anti").unionByName(registerNow));
        } else {
            registerBefore = HardshipRegister.of(
                    touched.join(ids, touched.col("submission_id").equalTo(ids.col("submission_id")), "left_anti"), calendar);
        }
        Dataset<Row> withdrawnRows = spark.createDataFrame(withdrawn.stream()
                .map(w -> RowFactory.create(w.recordType(), java.sql.Date.valueOf(w.periodStart()))).toList(),
                StructType.fromDDL("record_type STRING, start_date DATE"));
        List<Row> rows = SqlStage.run("restated_since", Map.ofEntries(
                Map.entry("fresh", ids),
                Map.entry("new_member_events", ingested.memberEvents().where(inFreshPeriods)),
                Map.entry("new_entries", ingested.competitionEntries().where(inFreshPeriods)),
                Map.entry("new_targets", ingested.targets().where(inFreshPeriods)),
                Map.entry("register_now", registerNow),
                Map.entry("register_before", registerBefore),
                Map.entry("org_units", ingested.orgUnits()),
                Map.entry("competitions", ingested.competitions()),
                Map.entry("balances", ingested.balances()),
                Map.entry("withdrawn", withdrawnRows),
                Map.entry("calendar", calendar))).collectAsList();
        List<Restated> restated = new ArrayList<>();
        for (Row r : rows) {
            Optional<LocalDate> date = r.isNullAt(1) ? Optional.empty() : Optional.of(r.getDate(1).toLocalDate());
            boolean all = !r.isNullAt(2) && r.getBoolean(2);
            if (date.isPresent() || all) {
                restated.add(new Restated(r.getString(0), date, all));
            }
        }
        restated.sort(Comparator.comparing(Restated::recordType));
        return new Check(List.copyOf(restated), register);
    }
}
