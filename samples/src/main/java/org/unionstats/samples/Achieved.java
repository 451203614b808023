package org.unionstats.samples;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.unionstats.period.Period;
import org.unionstats.period.PeriodType;

/**
 * What the unions of each county achieved, per KPI, quarter and year, counted from the rows generated for them: the
 * figures their targets are set on. Flows add up ({@link #add}); a stock is its value at a period's end ({@link #set}).
 * One per task, merged at the end ({@link #addAll}); not thread-safe.
 */
final class Achieved {

    static final String MEMBERS_JOINED = "members_joined";
    static final String MEMBERS_END = "members_end";
    static final String LIFTED_OUT = "hardship_lifted_out";
    static final String ENTRANTS = "competition_entrants";

    /** County code → KPI id → period → value. */
    private final Map<String, Map<String, Map<Period, Long>>> byCounty = new TreeMap<>();

    /** A flow dated {@code date}: counts in its quarter and its year. */
    void add(String county, String kpi, LocalDate date, long n) {
        add(county, kpi, Period.containing(PeriodType.QUARTER, date), n);
        add(county, kpi, Period.containing(PeriodType.YEAR, date), n);
    }

    /**
     * The entrants of an organiser's entries, at the county of each entering union, in every quarter and year its
     * competition's dates overlap: as the KPI counts them.
     */
    void addEntries(CompetitionGenerator.Output output) {
        Map<Object, Map<String, Object>> competitions = new HashMap<>();
        output.competitionsByPeriod().values().forEach(rows -> rows.forEach(c -> competitions.put(c.get("competition_id"), c)));
        for (CompetitionGenerator.Batch batch : output.entryBatches()) {
            for (Map<String, Object> entry : batch.rows()) {
                Map<String, Object> competition = competitions.get(entry.get("competition_id"));
                String county = ((String) entry.get("org_code")).substring(0, 6);
                LocalDate start = (LocalDate) competition.get("start_date");
                LocalDate end = (LocalDate) competition.get("end_date");
                long entrants = (Long) entry.get("entrants");
                for (PeriodType type : List.of(PeriodType.QUARTER, PeriodType.YEAR)) {
                    for (Period p : Period.range(Period.containing(type, start), Period.containing(type, end))) {
                        add(county, ENTRANTS, p, entrants);
                    }
                }
            }
        }
    }

    private void add(String county, String kpi, Period period, long n) {
        values(county, kpi).merge(period, n, Long::sum);
    }

    /** A stock at the end of {@code period}. */
    void set(String county, String kpi, Period period, long value) {
        values(county, kpi).put(period, value);
    }

    /** The county's value, 0 when it achieved nothing (or sent nothing). */
    long get(String county, String kpi, Period period) {
        return byCounty.getOrDefault(county, Map.of()).getOrDefault(kpi, Map.of()).getOrDefault(period, 0L);
    }

    boolean has(String county) {
        return byCounty.containsKey(county);
    }

    Achieved addAll(Achieved other) {
        other.byCounty.forEach((county, kpis) -> kpis.forEach((kpi, values) -> values.forEach((period, n) -> {
            if (kpi.equals(MEMBERS_END)) {
                set(county, kpi, period, n);
            } else {
                add(county, kpi, period, n);
            }
        })));
        return this;
    }

    private Map<Period, Long> values(String county, String kpi) {
        return byCounty.computeIfAbsent(county, k -> new TreeMap<>()).computeIfAbsent(kpi, k -> new TreeMap<>());
    }
}
