package org.unionstats.kpi.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.catalog.SessionCatalog;

/**
 * One step of the KPI job written in SQL: the file {@code unionstats/kpi/sql/<stage>.sql} on the classpath, the
 * Datasets it reads (by the names its SQL uses) and its named placeholders ({@code ${name}}: SQL text the code
 * fills in, such as column lists generated from the KPI catalogue or a rule's threshold).
 *
 * <p>The inputs are visible to that stage's SQL only: they are registered as temporary views just long enough for
 * Spark to analyse the query (analysis is eager, so the result keeps the inputs' plans), then removed. The result is
 * the same plan as a query over the inputs' Datasets. A stage fails before running when its SQL reads a table that is
 * not an input, when an input or a parameter is not used, or when a placeholder has no value. Stages are analysed one at
 * a time, so those built in several threads at once ({@link ConcurrentWrites}) never see each other's inputs; their
 * queries run side by side.
 */
public final class SqlStage {

    private static final String FOLDER = "unionstats/kpi/sql/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z][a-z0-9_]*)}");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    /** Held while a stage's inputs are registered: the session's temporary views are one namespace for every thread. */
    private static final Object VIEWS = new Object();

    private SqlStage() {}

    /** Runs a stage without placeholders. */
    public static Dataset<Row> run(String stage, Map<String, Dataset<Row>> inputs) {
        return run(stage, inputs, Map.of());
    }

    /**
     * Runs a stage: its SQL over {@code inputs} (name in the SQL → Dataset) with its placeholders replaced by
     * {@code params}. Every input and every parameter must be used.
     */
    public static Dataset<Row> run(String stage, Map<String, Dataset<Row>> inputs, Map<String, String> params) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException(where(stage) + " declares no input");
        }
        String sql = fill(stage, text(stage), params);
        checkInputs(stage, sql, inputs);
        SparkSession spark = inputs.values().iterator().next().sparkSession();
        // The session catalog, not spark.catalog(): dropping a view through the public catalog would also uncache a
        // cached input.
        SessionCatalog views = spark.sessionState().catalog();
        synchronized (VIEWS) {
            return analysed(stage, sql, inputs, spark, views);
        }
    }

    private static Dataset<Row> analysed(String stage, String sql, Map<String, Dataset<Row>> inputs, SparkSession spark,
            SessionCatalog views) {
        List<String> registered = new ArrayList<>();
        try {
            for (Map.Entry<String, Dataset<Row>> input : inputs.entrySet()) {
                if (input.getValue().sparkSession() != spark) {
                    throw new IllegalArgumentException(where(stage) + ": input " + input.getKey() + " belongs to another Spark session");
                }
                if (views.getTempView(input.getKey()).isDefined()) {
                    throw new IllegalStateException(where(stage) + ": a temporary view " + input.getKey()
                            + " already exists in this session; stages pass their inputs, not global views");
                }
                input.getValue().createTempView(input.getKey());
                registered.add(input.getKey());
            }
            return spark.sql(sql);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // Spark's AnalysisException (a table that is not an input, an unknown column): checked, though undeclared.
            throw new IllegalStateException(where(stage) + " (inputs " + new TreeSet<>(inputs.keySet()) + "): " + e.getMessage(), e);
        } finally {
            registered.forEach(views::dropTempView);
        }
    }

    /** The stage's SQL with every placeholder replaced. */
    private static String fill(String stage, String sql, Map<String, String> params) {
        Set<String> missing = new TreeSet<>();
        Set<String> used = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = params.get(name);
            if (value == null) {
                missing.add(name);
                value = "";
            }
            used.add(name);
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(where(stage) + ": no value for placeholder(s) " + missing);
        }
        Set<String> unused = new TreeSet<>(params.keySet());
        unused.removeAll(used);
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException(where(stage) + ": parameter(s) " + unused + " not used by its SQL");
        }
        return out.toString();
    }

    private static void checkInputs(String stage, String sql, Map<String, Dataset<Row>> inputs) {
        Set<String> unused = new TreeSet<>();
        for (String name : inputs.keySet()) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(where(stage) + ": input name " + name + " is not a lower-case SQL name");
            }
            if (!Pattern.compile("\\b" + name + "\\b").matcher(withoutComments(sql)).find()) {
                unused.add(name);
            }
        }
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException(where(stage) + ": input(s) " + unused + " not read by its SQL");
        }
    }

    private static String withoutComments(String sql) {
        return sql.lines().map(l -> l.replaceFirst("--.*", "")).collect(Collectors.joining("\n"));
    }

    /** The stage's SQL as written, placeholders and all: what a result kept between runs was computed by. */
    public static String text(String stage) {
        if (!NAME.matcher(stage).matches()) {
            throw new IllegalArgumentException("not a stage name: " + stage);
        }
        try (InputStream in = SqlStage.class.getClassLoader().getResourceAsStream(FOLDER + stage + ".sql")) {
            if (in == null) {
                throw new IllegalStateException(where(stage) + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + where(stage), e);
        }
    }

    private static String where(String stage) {
        return "SQL stage " + FOLDER + stage + ".sql";
    }

    /** A SQL string literal. */
    public static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** A comma-separated list of SQL string literals; {@code ''} when empty, so {@code IN (...)} stays valid and matches nothing. */
    public static String quoteAll(Collection<String> texts) {
        return texts.isEmpty() ? "''" : texts.stream().map(SqlStage::quote).collect(Collectors.joining(", "));
    }
}
