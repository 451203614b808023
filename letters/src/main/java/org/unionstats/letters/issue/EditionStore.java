package org.unionstats.letters.issue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.unionstats.errors.UnionStatsException;
import org.unionstats.letters.compose.KpiRow;
import org.unionstats.letters.compose.Letter;
import org.unionstats.letters.facts.WarehouseTables;
import org.unionstats.letters.ledger.ItemStore;
import org.unionstats.warehouse.WarehouseLayout;

/**
 * The issued editions of letters, in two warehouse tables partitioned by quarter: {@code letters_issued} (a row per
 * edition: every paragraph as printed) and {@code letter_figures} (a row per KPI of an edition: the numbers and the
 * row as printed), with the ledger items an issue adds ({@link ItemStore}). One issue writes one file into each,
 * staged and then moved in, items and figures first: an edition exists
 * once its {@code letters_issued} row does, and readers take only the figures of its {@code issue_id}, so an issue that
 * fails half way leaves no edition.
 */
public final class EditionStore {

    public static final String ISSUED = "letters_issued";
    public static final String FIGURES = "letter_figures";

    /** Lists of paragraphs are kept one a line: no paragraph of a letter holds a line break. */
    private static final String LINES = "\n";
    private static final DateTimeFormatter ISSUE_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private final WarehouseLayout layout;
    private final WarehouseTables tables;
    private final ItemStore items;

    public EditionStore(WarehouseLayout layout, WarehouseTables tables) {
        this.layout = layout;
        this.tables = tables;
        this.items = new ItemStore(tables);
    }

    /** The latest edition of each letter of a city issued for a quarter, by letter id. */
    public Map<String, Edition> latest(String cityCode, String quarter) {
        Optional<String> issued = tables.read(ISSUED);
        Optional<String> figures = tables.read(FIGURES);
        if (issued.isEmpty()) {
            return Map.of();
        }
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            try (PreparedStatement st = db.prepareStatement("CREATE TEMP TABLE latest AS SELECT * FROM " + issued.get()
                    + " WHERE period = ? AND city_code = ? QUALIFY row_number() OVER (PARTITION BY letter_id ORDER BY edition DESC) = 1")) {
                st.setString(1, quarter);
                st.setString(2, cityCode);
                st.execute();
            }
            Map<String, List<PrintedFigure>> rows = figures.isPresent() ? figures(db, figures.get()) : Map.of();
            Map<String, Edition> editions = new LinkedHashMap<>();
            try (ResultSet rs = db.createStatement().executeQuery("SELECT * FROM latest ORDER BY letter_id")) {
                while (rs.next()) {
                    String id = rs.getString("letter_id");
                    Letter letter = new Letter(rs.getString("county_code"), rs.getString("county_name"), rs.getString("city_code"),
                            rs.getString("city_name"), rs.getString("period"), rs.getString("heading"), id, rs.getString("title"),
                            rs.getString("addressee"), rs.getString("opening"),
                            rows.getOrDefault(id, List.of()).stream().map(PrintedFigure::row).toList(), lines(rs.getString("kpi_notes")),
                            lines(rs.getString("evaluation")), lines(rs.getString("priorities")), optionalLines(rs, "opinions"),
                            lines(rs.getString("reporting_notes")), lines(rs.getString("finding_notes")), optionalLines(rs, "follow_ups"),
                            rs.getString("closing"), rs.getString("sender"), rs.getString("signed"), List.of());
                    editions.put(id, new Edition(rs.getInt("edition"), letter, rows.getOrDefault(id, List.of())));
                }
            }
            return editions;
        } catch (SQLException e) {
            throw UnionStatsException.failure("cannot read the issued letters in " + tables.location() + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, List<PrintedFigure>> figures(Connection db, String figures) throws SQLException {
        Map<String, List<PrintedFigure>> rows = new LinkedHashMap<>();
        try (ResultSet rs = db.createStatement().executeQuery("SELECT f.* FROM " + figures + " f JOIN latest l ON f.issue_id = l.issue_id"
                + " AND f.letter_id = l.letter_id AND f.edition = l.edition ORDER BY f.letter_id, f.row_no")) {
            while (rs.next()) {
                KpiRow row = new KpiRow(rs.getString("kpi_name"), rs.getString("value_text"), rs.getString("change_on_quarter_text"),
                        rs.getString("change_on_year_text"), rs.getString("rank_text"), rs.getString("target_text"),
                        rs.getString("attainment_text"), rs.getString("pace_text"));
                rows.computeIfAbsent(rs.getString("letter_id"), k -> new ArrayList<>()).add(new PrintedFigure(rs.getString("kpi_id"),
                        rs.getString("unit"), number(rs, "value"), number(rs, "change_on_quarter"), number(rs, "change_on_year"),
                        integer(rs, "rank"), integer(rs, "ranked"), number(rs, "target_value"), number(rs, "attainment_pct"), row));
            }
        }
        return rows;
    }

    /** Lines of a column editions issued before it existed do not have (an empty list for them). */
    private static List<String> optionalLines(ResultSet rs, String column) throws SQLException {
        for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
            if (rs.getMetaData().getColumnName(c).equals(column)) {
                return lines(rs.getString(c));
            }
        }
        return List.of();
    }

    /** Records editions of a city's letters for a quarter, all or none. */
    public void issue(String cityCode, String quarter, List<Edition> editions, Instant at) {
        if (editions.isEmpty()) {
            return;
        }
        String issueId = ISSUE_ID.format(at);
        String file = cityCode + "-" + issueId + ".parquet";
        Path staging = Path.of(layout.staging("letters-" + cityCode + "-" + issueId));
        try {
            Files.createDirectories(staging);
            boolean newItems;
            try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
                stageIssued(db, editions, issueId, TIMESTAMP.format(at), staging.resolve(ISSUED + ".parquet"));
                stageFigures(db, editions, issueId, staging.resolve(FIGURES + ".parquet"));
                newItems = items.stage(db, editions, issueId, TIMESTAMP.format(at), items.recorded(db, cityCode, quarter),
                        staging.resolve(ItemStore.ITEMS + ".parquet"));
            }
            if (newItems) {
                moveIn(staging.resolve(ItemStore.ITEMS + ".parquet"), layout.localPartition(ItemStore.ITEMS, quarter).resolve(file));
            }
            moveIn(staging.resolve(FIGURES + ".parquet"), layout.localPartition(FIGURES, quarter).resolve(file));
            moveIn(staging.resolve(ISSUED + ".parquet"), layout.localPartition(ISSUED, quarter).resolve(file));
            Files.delete(staging);
        } catch (SQLException e) {
            throw UnionStatsException.failure("cannot record the issued letters in " + tables.location() + ": " + e.getMessage()
                    + " / 签发记录写入失败，未签发任何指导书", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the issued letters in " + tables.location(), e);
        }
    }

    private static void moveIn(Path staged, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void stageIssued(Connection db, List<Edition> editions, String issueId, String at, Path file) throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute("CREATE TEMP TABLE issued (letter_id VARCHAR, edition INTEGER, issue_id VARCHAR, issued_at TIMESTAMP, city_code VARCHAR,"
                    + " city_name VARCHAR, county_code VARCHAR, county_name VARCHAR, heading VARCHAR, title VARCHAR, addressee VARCHAR,"
                    + " opening VARCHAR, kpi_notes VARCHAR, evaluation VARCHAR, priorities VARCHAR, reporting_notes VARCHAR,"
                    + " finding_notes VARCHAR, closing VARCHAR, sender VARCHAR, signed VARCHAR, opinions VARCHAR, follow_ups VARCHAR)");
        }
        try (PreparedStatement ins = db.prepareStatement("INSERT INTO issued VALUES (?, ?, ?, CAST(? AS TIMESTAMP), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Edition e : editions) {
                Letter l = e.letter();
                Object[] values = {e.letterId(), e.number(), issueId, at, l.cityCode(), l.cityName(), l.countyCode(), l.countyName(),
                        l.heading(), l.title(), l.addressee(), l.opening(), String.join(LINES, l.kpiNotes()), String.join(LINES, l.evaluation()),
                        String.join(LINES, l.priorities()), String.join(LINES, l.reportingNotes()), String.join(LINES, l.findingNotes()),
                        l.closing(), l.sender(), l.date(), String.join(LINES, l.opinions()), String.join(LINES, l.followUps())};
                for (int i = 0; i < values.length; i++) {
                    ins.setObject(i + 1, values[i]);
                }
                ins.addBatch();
            }
            ins.executeBatch();
        }
        copy(db, "issued", file);
    }

    private static void stageFigures(Connection db, List<Edition> editions, String issueId, Path file) throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute("CREATE TEMP TABLE figures (letter_id VARCHAR, edition INTEGER, issue_id VARCHAR, row_no INTEGER, kpi_id VARCHAR,"
                    + " kpi_name VARCHAR, unit VARCHAR, value DOUBLE, change_on_quarter DOUBLE, change_on_year DOUBLE, rank INTEGER,"
                    + " ranked INTEGER, target_value DOUBLE, attainment_pct DOUBLE, value_text VARCHAR, change_on_quarter_text VARCHAR,"
                    + " change_on_year_text VARCHAR, rank_text VARCHAR, target_text VARCHAR, attainment_text VARCHAR, pace_text VARCHAR)");
        }
        try (PreparedStatement ins = db.prepareStatement("INSERT INTO figures VALUES (" + String.join(", ", Collections.nCopies(21, "?")) + ")")) {
            for (Edition e : editions) {
                for (int r = 0; r < e.figures().size(); r++) {
                    PrintedFigure f = e.figures().get(r);
                    KpiRow row = f.row();
                    Object[] values = {e.letterId(), e.number(), issueId, r + 1, f.kpiId(), row.name(), f.unit(), f.value(), f.changeOnQuarter(),
                            f.changeOnYear(), f.rank(), f.ranked(), f.targetValue(), f.attainmentPct(), row.value(), row.changeOnQuarter(),
                            row.changeOnYear(), row.rank(), row.target(), row.attainment(), row.pace()};
                    for (int i = 0; i < values.length; i++) {
                        if (values[i] == null) {
                            ins.setNull(i + 1, Types.NULL);
                        } else {
                            ins.setObject(i + 1, values[i]);
                        }
                    }
                    ins.addBatch();
                }
            }
            ins.executeBatch();
        }
        copy(db, "figures", file);
    }

    private static void copy(Connection db, String table, Path file) throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute("COPY " + table + " TO '" + file.toString().replace("'", "''") + "' (FORMAT PARQUET)");
        }
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split(LINES, -1));
    }

    private static Double number(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
