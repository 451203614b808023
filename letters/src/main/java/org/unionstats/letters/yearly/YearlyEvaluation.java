package org.unionstats.letters.yearly;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.unionstats.errors.ExitCode;
import org.unionstats.errors.UnionStatsException;
import org.unionstats.letters.facts.WarehouseTables;
import org.unionstats.letters.ledger.ItemStore;
import org.unionstats.letters.ledger.LatestFeedback;

/**
 * Computes the yearly evaluation of a city's county-level units from the warehouse with DuckDB: the attainment of the
 * city's annual targets at the year's end ({@code kpi_targets}), the rank on the headline KPIs at the fourth quarter
 * ({@code county_scorecard}), the items of the follow-up ledger due in the year that are closed ({@code letter_items}
 * and the latest feedback), and the required reports received on time over the year's quarters
 * ({@code reporting_completeness}).
 */
public final class YearlyEvaluation {

    private final WarehouseTables tables;

    public YearlyEvaluation(WarehouseTables tables) {
        this.tables = tables;
    }

    /** The evaluations of the city's county-level units for a year, by county code. */
    public List<CountyEvaluation> evaluate(String cityCode, int year) {
        String orgs = tables.read(WarehouseTables.DIM_ORGS).orElseThrow(() -> new UnionStatsException(ExitCode.FAILURE,
                "no dim_orgs in " + tables.location() + ": run bin/unionstats kpi first / 请先运行 kpi"));
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            Map<String, String> counties = new LinkedHashMap<>();
            try (PreparedStatement st = db.prepareStatement("SELECT org_code, org_name FROM " + orgs
                    + " WHERE org_level = 'county' AND COALESCE(city_code, parent_code) = ? ORDER BY org_code")) {
                st.setString(1, cityCode);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        counties.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            if (counties.isEmpty()) {
                throw new UnionStatsException(ExitCode.FAILURE, "no county-level unit of " + cityCode + " in dim_orgs of " + tables.location()
                        + " / 指标库中没有该地市的县级单位");
            }
            Map<String, double[]> targets = perCounty(db, WarehouseTables.TARGETS, t -> "SELECT org_code, count(*),"
                    + " avg(least(attainment_pct, " + CountyEvaluation.ATTAINMENT_CAP_PCT + ")) FROM " + t
                    + " WHERE period = ? AND issuer_code = ? AND target_period = ? AND attainment_pct IS NOT NULL GROUP BY 1",
                    String.valueOf(year), cityCode, String.valueOf(year));
            Map<String, double[]> ranks = perCounty(db, WarehouseTables.SCORECARD, s -> "SELECT county_code, count(*),"
                    + " avg((rank_in_city - 1) / (counties_ranked - 1)) FROM " + s
                    + " WHERE period = ? AND city_code = ? AND rank_in_city IS NOT NULL AND counties_ranked >= 2 GROUP BY 1",
                    year + "Q4", cityCode);
            Map<String, double[]> items = perCounty(db, ItemStore.ITEMS, i -> "SELECT i.county_code, count(*),"
                    + " count(*) FILTER (WHERE l.status = 'closed') FROM " + i + " i LEFT JOIN (" + LatestFeedback.query(tables)
                    + ") l USING (item_id) WHERE i.city_code = ? AND substr(i.due_period, 1, 4) = ? GROUP BY 1",
                    cityCode, String.valueOf(year));
            Map<String, double[]> reports = perCounty(db, WarehouseTables.COMPLETENESS, c -> "SELECT org_code, sum(expected), sum(on_time)"
                    + " FROM " + c + " WHERE period_type = 'quarter' AND record_type = 'all' AND substr(period, 1, 4) = ? GROUP BY 1",
                    String.valueOf(year));
            List<CountyEvaluation> evaluations = new ArrayList<>();
            counties.forEach((code, name) -> evaluations.add(evaluation(code, name, targets.get(code), ranks.get(code), items.get(code),
                    reports.get(code))));
            return ranked(evaluations);
        } catch (SQLException e) {
            throw UnionStatsException.failure("cannot evaluate the counties of " + cityCode + " in " + tables.location() + ": " + e.getMessage(), e);
        }
    }

    private static CountyEvaluation evaluation(String code, String name, double[] targets, double[] ranks, double[] items,
            double[] reports) {
        Double attainment = targets == null ? null : targets[1];
        Double targetScore = attainment == null ? null : CountyEvaluation.TARGET_WEIGHT * attainment / 100;
        Double position = ranks == null ? null : ranks[1];
        Double rankScore = position == null ? null : CountyEvaluation.RANK_WEIGHT * (1 - position);
        int due = items == null ? 0 : (int) items[0];
        int closed = items == null ? 0 : (int) items[1];
        Double followUpScore = due == 0 ? null : CountyEvaluation.FOLLOW_UP_WEIGHT * closed / due;
        long expected = reports == null ? 0 : (long) reports[0];
        long onTime = reports == null ? 0 : (long) reports[1];
        Double reportingScore = expected == 0 ? null : CountyEvaluation.REPORTING_WEIGHT * onTime / expected;
        double points = 0;
        double weights = 0;
        double[][] parts = {{nonNull(targetScore), CountyEvaluation.TARGET_WEIGHT, targetScore == null ? 0 : 1},
                {nonNull(rankScore), CountyEvaluation.RANK_WEIGHT, rankScore == null ? 0 : 1},
                {nonNull(followUpScore), CountyEvaluation.FOLLOW_UP_WEIGHT, followUpScore == null ? 0 : 1},
                {nonNull(reportingScore), CountyEvaluation.REPORTING_WEIGHT, reportingScore == null ? 0 : 1}};
        for (double[] part : parts) {
            points += part[0] * part[2];
            weights += part[1] * part[2];
        }
        double total = weights == 0 ? 0 : 100 * points / weights;
        return new CountyEvaluation(code, name, targets == null ? 0 : (int) targets[0], attainment, targetScore,
                ranks == null ? 0 : (int) ranks[0], position, rankScore, due, closed, followUpScore, expected, onTime, reportingScore, total, 0);
    }

    private static double nonNull(Double v) {
        return v == null ? 0 : v;
    }

    /** The city's ranks of the totals: 1 best, equal totals (to 0.1) share a rank; in county code order. */
    private static List<CountyEvaluation> ranked(List<CountyEvaluation> evaluations) {
        List<CountyEvaluation> out = new ArrayList<>();
        for (CountyEvaluation e : evaluations) {
            long better = evaluations.stream().filter(o -> Math.round(o.total() * 10) > Math.round(e.total() * 10)).count();
            out.add(new CountyEvaluation(e.countyCode(), e.countyName(), e.targets(), e.targetAttainmentPct(), e.targetScore(),
                    e.kpisRanked(), e.meanPosition(), e.rankScore(), e.itemsDue(), e.itemsClosed(), e.followUpScore(), e.reportsExpected(),
                    e.reportsOnTime(), e.reportingScore(), e.total(), (int) better + 1));
        }
        out.sort(Comparator.comparing(CountyEvaluation::countyCode));
        return out;
    }

    /** Per county: the query's two numbers after the county code; none when the table is absent. */
    private Map<String, double[]> perCounty(Connection db, String table, java.util.function.Function<String, String> sql, String... params)
            throws SQLException {
        Map<String, double[]> byCounty = new LinkedHashMap<>();
        Optional<String> files = tables.read(table);
        if (files.isEmpty()) {
            return byCounty;
        }
        try (PreparedStatement st = db.prepareStatement(sql.apply(files.get()))) {
            for (int i = 0; i < params.length; i++) {
                st.setString(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    byCounty.put(rs.getString(1), new double[] {rs.getDouble(2), rs.getDouble(3)});
                }
            }
        }
        return byCounty;
    }
}
