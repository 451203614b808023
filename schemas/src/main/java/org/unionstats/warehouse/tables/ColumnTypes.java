package org.unionstats.warehouse.tables;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The column types the table catalogue declares, in no engine's dialect: {@code string}, {@code int} (32 bits),
 * {@code bigint}, {@code double}, {@code boolean}, {@code date}, {@code timestamp} (milliseconds) and
 * {@code decimal(p,s)}. A table with no data yet is published with them; once it has data, its files' types rule and
 * must agree with them.
 */
public final class ColumnTypes {

    public static final String STRING = "string";
    public static final String INT = "int";
    public static final String BIGINT = "bigint";
    public static final String DOUBLE = "double";
    public static final String BOOLEAN = "boolean";
    public static final String DATE = "date";
    public static final String TIMESTAMP = "timestamp";

    private static final Set<String> NAMED = Set.of(STRING, INT, BIGINT, DOUBLE, BOOLEAN, DATE, TIMESTAMP);
    private static final Pattern DECIMAL = Pattern.compile("decimal\\((\\d+),\\s*(\\d+)\\)");

    private ColumnTypes() {}

    /** A decimal type as the catalogue writes it: {@code decimal(18,2)}. */
    public static String decimal(int precision, int scale) {
        return "decimal(" + precision + "," + scale + ")";
    }

    /** The decimal's precision and scale (groups 1 and 2), when the type is one. */
    public static Matcher decimalMatcher(String type) {
        return DECIMAL.matcher(type);
    }

    public static boolean isKnown(String type) {
        return NAMED.contains(type) || decimalMatcher(type).matches();
    }
}
