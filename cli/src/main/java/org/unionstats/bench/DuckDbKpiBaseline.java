package org.unionstats.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.unionstats.cli.kpi.KpiValueRows;
import org.unionstats.contract.Indicator;
import org.unionstats.contract.Indicators;
import org.unionstats.kpis.Additivity;
import org.unionstats.kpis.KpiCatalogue;
import org.unionstats.kpis.KpiDefinition;
import org.unionstats.warehouse.WarehouseLayout;

/**
 * The comparison for the KPI benchmark: DuckDB computes the whole KPI catalogue the Spark job computes, with the same
 * grains and rules, from the same Parquet, and writes it as rows like {@code kpi_values}
 * ({@code org_code, period, kpi_id, breakdown, value}) to one Parquet file.
 *
 * <p>Its SQL is in {@code unionstats/bench/duckdb/*.sql} (see the README there): the hardship register, the balance
 * checks, one file of base measures per family, the roll-up, the year-on-year step and the final unpivot. What varies
 * with the KPI catalogue (which measure each KPI takes and how it rolls up, ratios, expressions, year-on-year, the stock
 * indicators) is generated from {@link KpiCatalogue} and {@link Indicators}, as the Spark job does.
 *
 * <p>Inputs: the ingested tables and the dimensions the KPI job writes ({@code dim_orgs}, {@code org_ancestors},
 * {@code dim_periods}); the hierarchy and the calendar are given, not rebuilt. Not computed: the qualifier, numerator
 * and denominator columns, reporting completeness, findings, scorecards and the wide family tables.
 *
 * <p>{@link #compare} proves the output equal to Spark's KPI values ({@code kpi_values} and the basic unions' rows of
 * the family tables, as {@link KpiValueRows} reads them): row counts per family and
 * {@code EXCEPT ALL} both ways on {@code (org_code, period, kpi_id, breakdown, round(value, 6))}.
 *
 * <p>{@code main <warehouse> <out.parquet> [--compare]} prints {@code rows <n>}; with {@code --compare} also the
 * comparison, exiting 1 when the outputs differ.
 */
public final class DuckDbKpiBaseline {

    private static final String FOLDER = "unionstats/bench/duckdb/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z][a-z0-9_]*)}");

    /** The ingested tables read, with the columns read from each (as the KPI job's IngestedTables, DuckDB types). */
    static final Map<String, String> INGESTED = orderedMap(
            "org_units", "org_code VARCHAR, name VARCHAR, level VARCHAR, parent_org_code VARCHAR, region_code VARCHAR,"
                    + " established_on DATE, workforce BIGINT, submitter VARCHAR, period VARCHAR",
            "member_events", "member_key VARCHAR, org_code VARCHAR, event_type VARCHAR, event_date DATE, worker_category VARCHAR,"
                    + " submitter VARCHAR, period VARCHAR",
            "hardship_cases", "case_id VARCHAR, org_code VARCHAR, filed_on DATE, cause VARCHAR, status VARCHAR, lifted_out_on DATE,"
                    + " assistance_cny DECIMAL(18,2), submitter VARCHAR, period VARCHAR",
            "balances", "org_code VARCHAR, balance_type VARCHAR, as_of DATE, value BIGINT, submitter VARCHAR, period VARCHAR",
            "competitions", "competition_id VARCHAR, organiser_org_code VARCHAR, start_date DATE, end_date DATE, submitter VARCHAR,"
                    + " period VARCHAR",
            "competition_entries", "competition_id VARCHAR, org_code VARCHAR, enterprise_credit_code VARCHAR, entrants BIGINT,"
                    + " award VARCHAR, submitter VARCHAR, period VARCHAR",
            "indicator_reports", "org_code VARCHAR, indicator_id VARCHAR, value DECIMAL(20,2), submitter VARCHAR, period VARCHAR");

    /** The KPI job's dimensions read, by the name the SQL uses. */
    static final Map<String, String> DIMENSIONS = orderedMap("dim_orgs", "dim_orgs", "org_ancestors", "org_ancestors",
            "calendar", "dim_periods");

    /** Basic-level unions get no months (as the KPI job's MeasureFamily.PERIOD_AT_GRAIN). */
    static final String PERIOD_AT_GRAIN = "(g.grain = 'region' OR c.period_type <> 'month')";

    private DuckDbKpiBaseline() {}

    public static void main(String[] args) throws Exception {
        Path warehouse = Path.of(args[0]).toAbsolutePath();
        Path out = Path.of(args[1]).toAbsolutePath();
        long rows = run(warehouse, out);
        System.out.println("rows " + rows);
        if (args.length > 2 && args[2].equals("--compare")) {
            Comparison comparison = compare(warehouse, out);
            System.out.print(comparison.describe());
            if (!comparison.equal()) {
                System.exit(1);
            }
        }
    }

    /** Computes the catalogue's KPIs of the warehouse into {@code out} (Parquet); returns the number of rows. */
    public static long run(Path warehouse, Path out) throws SQLException {
        KpiCatalogue catalogue = KpiCatalogue.load();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            long start = System.nanoTime();
            for (Map.Entry<String, String> t : INGESTED.entrySet()) {
                st.execute(ingested(warehouse, t.getKey(), t.getValue()));
            }
            for (Map.Entry<String, String> d : DIMENSIONS.entrySet()) {
                st.execute("CREATE VIEW " + d.getKey() + " AS SELECT * FROM read_parquet(" + literal(parquetGlob(warehouse, d.getValue()))
                        + ")");
            }
            table(st, "org_grain", sql("org_grain", Map.of()));
            table(st, "hardship_register", sql("hardship_register", Map.of()));
            table(st, "balance_checks", sql("balance_checks", Map.of()));
            List<String> families = new ArrayList<>();
            for (String family : KpiCatalogue.FAMILIES) {
                String file = family.replaceAll("s$", "") + "_measures";
                Map<String, String> params = new HashMap<>(Map.of("period_at_grain", PERIOD_AT_GRAIN));
                if (family.equals("indicators")) {
                    params.put("stock_indicators", quoteAll(Indicators.load().all().stream().filter(Indicator::isStock)
                            .map(Indicator::id).toList()));
                }
                table(st, file, sql(file, params));
                families.add("SELECT * FROM " + file);
            }
            st.execute("CREATE TEMP VIEW measures AS " + String.join(" UNION ALL ", families));
            log("base measures", start);
            table(st, "rolled", sql("rollup", rollUpParameters(catalogue.measureAggregation())));
            log("roll-up", start);
            String derived = derive(st, catalogue);
            String values = catalogue.all().stream().map(k -> "v_" + k.id()).collect(Collectors.joining(", "));
            Files.deleteIfExists(out);
            st.execute("COPY (" + sql("kpi_values", Map.of("input", derived, "value_columns", values,
                    "broken_down", quoteAll(catalogue.brokenDown()))) + ") TO "
                    + literal(out.toString()) + " (FORMAT parquet)");
            log("KPI derivation, written", start);
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM read_parquet(" + literal(out.toString()) + ")")) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An ingested table as a view with the columns used, or an empty table when nothing was ingested into it yet. */
    private static String ingested(Path warehouse, String folder, String columns) {
        Path dir = warehouse.resolve(folder);
        boolean any;
        try (Stream<Path> files = Files.isDirectory(dir) ? Files.walk(dir, 2) : Stream.empty()) {
            any = files.anyMatch(p -> p.getFileName().toString().endsWith(".parquet")
                    && p.getParent().getFileName().toString().startsWith("period="));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!any) {
            return "CREATE TEMP TABLE " + folder + " (" + columns + ")";
        }
        String select = Stream.of(columns.split(",(?![^()]*\\))")).map(String::strip)
                .map(c -> "CAST(" + c.substring(0, c.indexOf(' ')) + " AS " + c.substring(c.indexOf(' ') + 1) + ") AS "
                        + c.substring(0, c.indexOf(' ')))
                .collect(Collectors.joining(", "));
        return "CREATE VIEW " + folder + " AS SELECT " + select + " FROM read_parquet(" + literal(dir + "/period=*/*.parquet")
                + ", hive_partitioning = true, union_by_name = true, hive_types = {'period': VARCHAR})";
    }

    private static String parquetGlob(Path warehouse, String folder) {
        return warehouse.resolve(folder) + "/*.parquet";
    }

    /** The roll-up's placeholders: the measures of the catalogue by how they roll up, and the pivot to m_ columns. */
    static Map<String, String> rollUpParameters(Map<String, Additivity> aggregation) {
        List<String> additive = of(aggregation, Additivity.ADDITIVE_FLOW);
        String pivot = aggregation.keySet().stream()
                .map(m -> ", MAX(value) FILTER (WHERE measure = " + literal(m) + ") AS m_" + column(m))
                .collect(Collectors.joining());
        return Map.of("additive_measures", quoteAll(additive),
                "distinct_count_measures", quoteAll(of(aggregation, Additivity.DISTINCT_COUNT)),
                "median_measures", quoteAll(of(aggregation, Additivity.MEDIAN)),
                "measure_pivot", pivot);
    }

    /**
     * The catalogue's KPIs as v_ columns, one dependency level at a time, as the KPI job's KpiDerivation: a measure, a
     * ratio recomputed from the summed parts, an expression, or the change on a year earlier. Returns the last table.
     */
    private static String derive(Statement st, KpiCatalogue catalogue) throws SQLException {
        String input = "rolled";
        int step = 0;
        for (List<KpiDefinition> level : levels(catalogue)) {
            List<String> columns = level.stream().filter(k -> k.yoyOf() == null).map(DuckDbKpiBaseline::expression).toList();
            if (!columns.isEmpty()) {
                String next = "kpi_wide_" + ++step;
                table(st, next, "SELECT *, " + String.join(", ", columns) + " FROM " + input);
                input = next;
            }
            for (KpiDefinition kpi : level) {
                if (kpi.yoyOf() != null) {
                    String next = "kpi_wide_" + ++step;
                    table(st, next, sql("year_on_year", Map.of("kpi", kpi.id(), "source", kpi.yoyOf(), "input", input)));
                    input = next;
                }
            }
        }
        return input;
    }

    /** The v_ column of a measure, ratio or expression KPI, by the rules of the KPI job's KpiDerivation. */
    static String expression(KpiDefinition kpi) {
        String id = kpi.id();
        if (kpi.measure() != null) {
            return "m_" + column(kpi.measure()) + " AS v_" + id;
        }
        if (kpi.ratio() != null) {
            // A known denominator with no numerator row means nothing happened: 0 over it.
            String num = kpi.ratio().numerator();
            String den = kpi.ratio().denominator();
            String n = "IF(v_" + den + " IS NULL, NULL, COALESCE(v_" + num + ", 0))";
            return "IF(v_" + den + " > 0, " + n + " / v_" + den + " * CAST(" + kpi.ratio().scaleOrOne() + " AS DOUBLE), NULL) AS v_" + id;
        }
        // An expression: absent inputs count as 0, but only where at least one input is present.
        String expr = kpi.expression();
        List<String> deps = kpi.dependencies().stream().distinct().toList();
        for (String dep : deps) {
            expr = expr.replaceAll("\\b" + dep + "\\b", "COALESCE(v_" + dep + ", 0)");
        }
        String present = deps.stream().map(d -> "v_" + d + " IS NOT NULL").collect(Collectors.joining(" OR "));
        return "IF(" + present + ", CAST(" + expr + " AS DOUBLE), NULL) AS v_" + id;
    }

    /** KPIs grouped so that each depends only on measures and earlier groups. */
    private static List<List<KpiDefinition>> levels(KpiCatalogue catalogue) {
        Map<String, Integer> level = new HashMap<>();
        Map<Integer, List<KpiDefinition>> byLevel = new TreeMap<>();
        for (KpiDefinition kpi : catalogue.inDependencyOrder()) {
            int l = kpi.dependencies().stream().mapToInt(d -> level.get(d) + 1).max().orElse(0);
            level.put(kpi.id(), l);
            byLevel.computeIfAbsent(l, x -> new ArrayList<>()).add(kpi);
        }
        return new ArrayList<>(byLevel.values());
    }

    /** How the outputs compare: rows per family on each side, and the rows only one side has. */
    public record Comparison(Map<String, long[]> rowsByFamily, long onlySpark, long onlyDuckDb, List<String> sample) {

        public boolean equal() {
            return onlySpark == 0 && onlyDuckDb == 0 && rowsByFamily.values().stream().allMatch(r -> r[0] == r[1]);
        }

        public String describe() {
            StringBuilder s = new StringBuilder("equality on (org_code, period, kpi_id, breakdown, round(value, 6)), every KPI of the"
                    + " catalogue:\n| family | Spark KPI values (kpi_values + family tables' basic unions) | DuckDB rows |\n|---|---:|---:|\n");
            rowsByFamily.forEach((f, r) -> s.append(String.format("| %s | %,d | %,d |%n", f, r[0], r[1])));
            s.append(String.format("rows only in Spark (EXCEPT ALL): %,d; rows only in DuckDB: %,d -> %s%n", onlySpark, onlyDuckDb,
                    equal() ? "EQUAL" : "DIFFERENT"));
            if (!sample.isEmpty()) {
                s.append("first differing rows (side, org_code, period, kpi_id, breakdown, value):\n");
                sample.forEach(r -> s.append("  ").append(r).append('\n'));
            }
            return s.toString();
        }
    }

    /** Compares DuckDB's output with the Spark job's {@code kpi_values} of the warehouse, for every KPI of the catalogue. */
    public static Comparison compare(Path warehouse, Path duckOut) throws SQLException {
        KpiCatalogue catalogue = KpiCatalogue.load();
        String families = catalogue.all().stream()
                .map(k -> "(" + literal(k.id()) + ", " + literal(catalogue.familyOf(k.id())) + ")")
                .collect(Collectors.joining(", "));
        String key = "org_code, period, kpi_id, breakdown, round(value, 6) AS value";
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute("CREATE TEMP TABLE families AS SELECT * FROM (VALUES " + families + ") f(kpi_id, family)");
            st.execute("CREATE TEMP TABLE spark AS SELECT " + key + " FROM (" + KpiValueRows.select(WarehouseLayout.of(warehouse), catalogue)
                    + ") WHERE kpi_id IN (SELECT kpi_id FROM families)");
            st.execute("CREATE TEMP TABLE duck AS SELECT " + key + " FROM read_parquet(" + literal(duckOut.toString())
                    + ") WHERE kpi_id IN (SELECT kpi_id FROM families)");
            st.execute("CREATE TEMP TABLE only_spark AS SELECT * FROM spark EXCEPT ALL SELECT * FROM duck");
            st.execute("CREATE TEMP TABLE only_duck AS SELECT * FROM duck EXCEPT ALL SELECT * FROM spark");
            Map<String, long[]> rows = new LinkedHashMap<>();
            KpiCatalogue.FAMILIES.forEach(f -> rows.put(f, new long[2]));
            try (ResultSet rs = st.executeQuery("SELECT f.family, (SELECT count(*) FROM spark s WHERE s.kpi_id IN (SELECT kpi_id FROM"
                    + " families g WHERE g.family = f.family)), (SELECT count(*) FROM duck d WHERE d.kpi_id IN (SELECT kpi_id FROM"
                    + " families g WHERE g.family = f.family)) FROM (SELECT DISTINCT family FROM families) f")) {
                while (rs.next()) {
                    rows.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                }
            }
            long onlySpark = count(st, "only_spark");
            long onlyDuck = count(st, "only_duck");
            List<String> sample = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT * FROM (SELECT 'spark' AS side, * FROM only_spark UNION ALL"
                    + " SELECT 'duckdb', * FROM only_duck) ORDER BY org_code, period, kpi_id, breakdown, side LIMIT 20")) {
                while (rs.next()) {
                    sample.add(String.join(", ", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            "'" + rs.getString(5) + "'", String.valueOf(rs.getObject(6))));
                }
            }
            return new Comparison(rows, onlySpark, onlyDuck, sample);
        }
    }

    private static long count(Statement st, String table) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void table(Statement st, String name, String select) throws SQLException {
        st.execute("CREATE TEMP TABLE " + name + " AS " + select);
    }

    /** A file of {@code unionstats/bench/duckdb/} with its placeholders filled; every placeholder and parameter must be used. */
    static String sql(String name, Map<String, String> params) {
        String text;
        try (InputStream in = DuckDbKpiBaseline.class.getClassLoader().getResourceAsStream(FOLDER + name + ".sql")) {
            if (in == null) {
                throw new IllegalStateException(FOLDER + name + ".sql is missing from the classpath");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> used = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = params.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException(FOLDER + name + ".sql: no value for placeholder " + m.group(1));
            }
            used.add(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        if (!used.containsAll(params.keySet())) {
            throw new IllegalArgumentException(FOLDER + name + ".sql does not use parameter(s) " + params.keySet());
        }
        return out.toString();
    }

    private static List<String> of(Map<String, Additivity> aggregation, Additivity kind) {
        return aggregation.entrySet().stream().filter(e -> e.getValue() == kind).map(Map.Entry::getKey).toList();
    }

    /** Measure names such as {@code indicator:jobs_offered} as column names (as the KPI job's RollUp.column). */
    static String column(String measure) {
        return measure.replace(':', '_');
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** A comma-separated list of SQL string literals; {@code ''} when empty, so {@code IN (...)} stays valid and matches nothing. */
    static String quoteAll(List<String> texts) {
        return texts.isEmpty() ? "''" : texts.stream().map(DuckDbKpiBaseline::literal).collect(Collectors.joining(", "));
    }

    private static void log(String stage, long start) {
        System.err.printf("duckdb: %s (%.1f s)%n", stage, (System.nanoTime() - start) / 1e9);
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
