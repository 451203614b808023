package org.unionstats.serving.publish;

import java.util.regex.Matcher;
import org.unionstats.warehouse.tables.ColumnTypes;

/**
 * A type the table catalogue declares ({@link ColumnTypes}) as the Hive connector's type for it: the same type
 * {@link ParquetColumns} gives a Parquet column of that type, so a declaration and the files can be compared.
 */
final class TrinoTypes {

    private TrinoTypes() {}

    static String of(String declared) {
        Matcher decimal = ColumnTypes.decimalMatcher(declared);
        if (decimal.matches()) {
            return "decimal(" + decimal.group(1) + ", " + decimal.group(2) + ")";
        }
        return switch (declared) {
            case ColumnTypes.STRING -> "varchar";
            case ColumnTypes.INT -> "integer";
            case ColumnTypes.BIGINT -> "bigint";
            case ColumnTypes.DOUBLE -> "double";
            case ColumnTypes.BOOLEAN -> "boolean";
            case ColumnTypes.DATE -> "date";
            // Written as milliseconds (Avro timestamp-millis) or microseconds (DuckDB); published as milliseconds, as read from the files.
            case ColumnTypes.TIMESTAMP -> "timestamp(3)";
            default -> throw new IllegalArgumentException("declared type " + declared + " has no Trino type");
        };
    }
}
