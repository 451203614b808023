package org.unionstats.letters.ledger;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.unionstats.errors.UnionStatsException;
import org.unionstats.letters.facts.WarehouseTables;
import org.unionstats.period.Period;

/**
 * Reads a city's ledger for a quarter's letters with DuckDB: the department opinions sent for the quarter, and the items
 * of the previous quarter's letters with the status of their latest feedback ({@link LatestFeedback}).
 */
public final class LedgerReader {

    public static final String OPINIONS = "opinions";
    public static final String FEEDBACK = "feedback";

    private final WarehouseTables tables;

    public LedgerReader(WarehouseTables tables) {
        this.tables = tables;
    }

    public Ledger read(String cityCode, String quarter) {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            return new Ledger(opinions(db, cityCode, quarter), followUps(db, cityCode, quarter));
        } catch (SQLException e) {
            throw UnionStatsException.failure("cannot read the opinions and feedback in " + tables.location() + ": " + e.getMessage(), e);
        }
    }

    private Map<String, List<Opinion>> opinions(Connection db, String cityCode, String quarter) throws SQLException {
        Map<String, List<Opinion>> byCounty = new LinkedHashMap<>();
        Optional<String> opinions = tables.read(OPINIONS);
        if (opinions.isEmpty()) {
            return byCounty;
        }
        try (PreparedStatement st = db.prepareStatement("SELECT county_code, department, kpi_id, text, due_period FROM " + opinions.get()
                + " WHERE period = ? AND issuer_code = ? ORDER BY county_code, source_file, source_row")) {
            st.setString(1, quarter);
            st.setString(2, cityCode);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    byCounty.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new Opinion(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
        }
        return byCounty;
    }

    private Map<String, List<FollowUp>> followUps(Connection db, String cityCode, String quarter) throws SQLException {
        Map<String, List<FollowUp>> byCounty = new LinkedHashMap<>();
        Optional<String> items = tables.read(ItemStore.ITEMS);
        if (items.isEmpty()) {
            return byCounty;
        }
        String latest = LatestFeedback.query(tables);
        String previous = Period.parse(quarter).previous().canonical();
        try (PreparedStatement st = db.prepareStatement("SELECT i.county_code, i.item_id, i.source, i.department, i.kpi_id, i.text,"
                + " i.due_period, coalesce(l.status, 'open'), l.text, coalesce(l.status, 'open') <> 'closed' AND i.due_period <= ?"
                + " FROM " + items.get() + " i LEFT JOIN (" + latest + ") l USING (item_id)"
                + " WHERE i.period = ? AND i.city_code = ? ORDER BY i.county_code, i.item_id")) {
            st.setString(1, quarter);
            st.setString(2, previous);
            st.setString(3, cityCode);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    LedgerItem item = new LedgerItem(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7));
                    byCounty.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new FollowUp(item, rs.getString(8), rs.getString(9), rs.getBoolean(10)));
                }
            }
        }
        return byCounty;
    }
}
