package org.unionstats.letters.yearly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.unionstats.errors.UnionStatsException;
import org.unionstats.warehouse.WarehouseLayout;

/**
 * Writes a city's yearly evaluation into {@code county_evaluation} (partition {@code period=<year>}, one file per city,
 * {@code <city>.parquet}): staged, then moved over the city's earlier file of that year, so evaluating again replaces it.
 */
public final class EvaluationStore {

    public static final String TABLE = "county_evaluation";

    private final WarehouseLayout layout;

    public EvaluationStore(WarehouseLayout layout) {
        this.layout = layout;
    }

    public Path write(String cityCode, int year, List<CountyEvaluation> evaluations) {
        Path staging = Path.of(layout.staging("evaluation-" + cityCode + "-" + year));
        Path staged = staging.resolve(TABLE + ".parquet");
        Path target = layout.localPartition(TABLE, String.valueOf(year)).resolve(cityCode + ".parquet");
        try {
            Files.createDirectories(staging);
            try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
                try (Statement st = db.createStatement()) {
                    st.execute("CREATE TEMP TABLE evaluation (city_code VARCHAR, county_code VARCHAR, county_name VARCHAR, targets INTEGER,"
                            + " target_attainment_pct DOUBLE, target_score DOUBLE, kpis_ranked INTEGER, mean_position DOUBLE, rank_score DOUBLE,"
                            + " items_due INTEGER, items_closed INTEGER, follow_up_score DOUBLE, reports_expected BIGINT, reports_on_time BIGINT,"
                            + " reporting_score DOUBLE, total_score DOUBLE, rank_in_city INTEGER)");
                }
                try (PreparedStatement ins = db.prepareStatement("INSERT INTO evaluation VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (CountyEvaluation e : evaluations) {
                        Object[] values = {cityCode, e.countyCode(), e.countyName(), e.targets(), e.targetAttainmentPct(), e.targetScore(),
                                e.kpisRanked(), e.meanPosition(), e.rankScore(), e.itemsDue(), e.itemsClosed(), e.followUpScore(),
                                e.reportsExpected(), e.reportsOnTime(), e.reportingScore(), e.total(), e.rankInCity()};
                        for (int i = 0; i < values.length; i++) {
                            ins.setObject(i + 1, values[i]);
                        }
                        ins.addBatch();
                    }
                    ins.executeBatch();
                }
                try (Statement st = db.createStatement()) {
                    st.execute("COPY evaluation TO '" + staged.toString().replace("'", "''") + "' (FORMAT PARQUET)");
                }
            }
            Files.createDirectories(target.getParent());
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.delete(staging);
            return target;
        } catch (SQLException e) {
            throw UnionStatsException.failure("cannot write the yearly evaluation into " + layout.root() + ": " + e.getMessage()
                    + " / 年度考核结果写入失败", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the yearly evaluation into " + layout.root(), e);
        }
    }
}
