package org.unionstats.samples;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import org.unionstats.contract.RecordType;
import org.unionstats.samples.FileStyle.DateStyle;

/** Spells row values and headers in a file's style. */
final class ValueRenderer {

    /** Columns whose large numbers may carry thousands separators (never years or ids). */
    private static final Set<String> AMOUNT_COLUMNS = Set.of("workforce", "assistance_cny", "value", "entrants", "target_value");

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd");
    private static final DateTimeFormatter SLASH = DateTimeFormatter.ofPattern("uuuu/M/d");
    private static final DateTimeFormatter DOT = DateTimeFormatter.ofPattern("uuuu.M.d");
    private static final DateTimeFormatter CHINESE = DateTimeFormatter.ofPattern("uuuu年M月d日");
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("uuuuMMdd");

    private final Catalog catalog;
    private final RecordType type;
    private final FileStyle style;
    private final long fileSeed;
    private Rng rowRng;

    ValueRenderer(Catalog catalog, RecordType type, FileStyle style, Rng rng) {
        this.catalog = catalog;
        this.type = type;
        this.style = style;
        this.fileSeed = rng.betweenLong(0, Long.MAX_VALUE - 1);
        this.rowRng = Rng.of(fileSeed);
    }

    /**
     * Starts a row: the choices made for it (mixed label spellings, the extra column's value) are drawn from its
     * content, so an exact duplicate row is written exactly alike.
     */
    void startRow(Map<String, Object> row) {
        rowRng = Rng.of(fileSeed, String.valueOf(row));
    }

    FileStyle style() {
        return style;
    }

    /** The header of a contract column (or of the extra column, which is written as is). */
    String header(String column) {
        String h = column;
        if (style.chineseHeaders()) {
            for (Catalog.Column c : catalog.columns(type)) {
                if (c.name().equals(column)) {
                    h = c.zh();
                }
            }
        }
        return switch (style.decoration()) {
            case NONE -> h;
            case SPACES -> " " + h + (h.length() % 2 == 0 ? " " : "  ");
            case SWAPPED_PARENTHESES -> swapParentheses(h);
            case FULL_WIDTH -> fullWidth(h);
        };
    }

    private static String fullWidth(String h) {
        StringBuilder out = new StringBuilder(h.length());
        for (char c : h.toCharArray()) {
            out.append(c > ' ' && c < 0x7f ? (char) (c - 0x20 + 0xFF00) : c);
        }
        return out.toString();
    }

    private static String swapParentheses(String h) {
        StringBuilder out = new StringBuilder(h.length());
        for (char c : h.toCharArray()) {
            out.append(switch (c) {
                case '（' -> '(';
                case '）' -> ')';
                case '(' -> '（';
                case ')' -> '）';
                default -> c;
            });
        }
        return out.toString();
    }

    /** The value as text, as a CSV cell (or an XLSX text cell) shows it; null for an empty cell. */
    String text(String column, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Long n) {
            return style.thousandsSeparators() && AMOUNT_COLUMNS.contains(column) && Math.abs(n) >= 1000
                    ? ChineseNumberFormatter.thousands(n)
                    : Long.toString(n);
        }
        if (value instanceof LocalDate d) {
            return date(d, style.dateStyle());
        }
        if (value instanceof Label l) {
            return label(column, l);
        }
        return value.toString();
    }

    String label(String column, Label label) {
        boolean chinese = switch (style.labelStyle()) {
            case CHINESE -> true;
            case CODE -> false;
            case MIXED -> rowRng.chance(0.5);
        };
        return chinese ? catalog.label(type, column, label.code()) : label.code();
    }

    static String date(LocalDate d, DateStyle style) {
        return switch (style) {
            case ISO -> ISO.format(d);
            case SLASH -> SLASH.format(d);
            case DOT -> DOT.format(d);
            case CHINESE -> CHINESE.format(d);
            case COMPACT -> COMPACT.format(d);
        };
    }

    /** A value for the unknown extra column: a remark or a mobile number (personal data ingestion must mask). */
    String extraValue() {
        Rng r = rowRng;
        String column = style.extraColumn();
        if (r.chance(0.35)) {
            return null;
        }
        if (column.equals("联系电话") || column.equals("phone")) {
            return "1" + r.pick(new String[] {"3", "5", "7", "8", "9"}) + String.format("%09d", r.betweenLong(0, 999_999_999L));
        }
        return r.pick(new String[] {"已核实", "补报", "见附件", "基层工会上报", "已公示", "待复核"});
    }
}
