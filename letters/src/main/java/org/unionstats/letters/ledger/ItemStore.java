package org.unionstats.letters.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.unionstats.letters.facts.WarehouseTables;
import org.unionstats.letters.issue.Edition;

/**
 * The ledger's items as issued, in {@code letter_items} (partitioned by the letter's quarter): a row per item, written
 * with the edition that first carries it. An item keeps the words it was first issued with: a reissue adds only the
 * item numbers no earlier edition of its letter had.
 */
public final class ItemStore {

    public static final String ITEMS = "letter_items";

    private final WarehouseTables tables;

    public ItemStore(WarehouseTables tables) {
        this.tables = tables;
    }

    /** The ids of the items recorded for a city's letters of a quarter. */
    public Set<String> recorded(Connection db, String cityCode, String quarter) throws SQLException {
        Set<String> ids = new HashSet<>();
        Optional<String> items = tables.read(ITEMS);
        if (items.isEmpty()) {
            return ids;
        }
        try (PreparedStatement st = db.prepareStatement("SELECT item_id FROM " + items.get() + " WHERE period = ? AND city_code = ?")) {
            st.setString(1, quarter);
            st.setString(2, cityCode);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /** Stages the items of the editions not recorded yet into {@code file}; false when there is none to write. */
    public boolean stage(Connection db, List<Edition> editions, String issueId, String at, Set<String> recorded, Path file)
            throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute("CREATE TEMP TABLE items (item_id VARCHAR, letter_id VARCHAR, edition INTEGER, issue_id VARCHAR, issued_at TIMESTAMP,"
                    + " city_code VARCHAR, county_code VARCHAR, county_name VARCHAR, source VARCHAR, department VARCHAR, kpi_id VARCHAR,"
                    + " text VARCHAR, due_period VARCHAR)");
        }
        int rows = 0;
        try (PreparedStatement ins = db.prepareStatement("INSERT INTO items VALUES (?, ?, ?, ?, CAST(? AS TIMESTAMP), ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Edition e : editions) {
                for (LedgerItem item : e.items()) {
                    if (recorded.contains(item.itemId())) {
                        continue;
                    }
                    Object[] values = {item.itemId(), e.letterId(), e.number(), issueId, at, e.letter().cityCode(), e.letter().countyCode(),
                            e.letter().countyName(), item.source(), item.department(), item.kpiId(), item.text(), item.dueQuarter()};
                    for (int i = 0; i < values.length; i++) {
                        if (values[i] == null) {
                            ins.setNull(i + 1, Types.VARCHAR);
                        } else {
                            ins.setObject(i + 1, values[i]);
                        }
                    }
                    ins.addBatch();
                    rows++;
                }
            }
            if (rows > 0) {
                ins.executeBatch();
            }
        }
        if (rows == 0) {
            return false;
        }
        try (Statement st = db.createStatement()) {
            st.execute("COPY items TO '" + file.toString().replace("'", "''") + "' (FORMAT PARQUET)");
        }
        return true;
    }
}
