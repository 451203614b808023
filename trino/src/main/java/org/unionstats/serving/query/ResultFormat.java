package org.unionstats.serving.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A result as an aligned text table (Chinese counts two columns wide), JSON (one object per row) or CSV (RFC 4180).
 * The data is what submitters sent, so it is treated as hostile: a CSV cell a spreadsheet would read
 * as a formula is neutralised ({@link #csvCell}), and the text table shows control characters
 * escaped instead of sending them to the terminal.
 */
public final class ResultFormat {

    private ResultFormat() {}

    public static String table(ResultTable result) {
        int n = result.columns().size();
        List<String[]> cells = new ArrayList<>();
        cells.add(result.columns().stream().map(ResultFormat::visible).toArray(String[]::new));
        for (List<Object> row : result.rows()) {
            String[] line = new String[n];
            for (int i = 0; i < n; i++) {
                line[i] = text(row.get(i));
            }
            cells.add(line);
        }
        int[] widths = new int[n];
        for (String[] line : cells) {
            for (int i = 0; i < n; i++) {
                widths[i] = Math.max(widths[i], width(line[i]));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < cells.size(); r++) {
            String[] line = cells.get(r);
            for (int i = 0; i < n; i++) {
                boolean right = r > 0 && isNumeric(result.types().get(i));
                String pad = " ".repeat(widths[i] - width(line[i]));
                sb.append(i == 0 ? " " : " | ").append(right ? pad + line[i] : line[i] + (i == n - 1 ? "" : pad));
            }
            sb.append('\n');
            if (r == 0) {
                for (int i = 0; i < n; i++) {
                    sb.append(i == 0 ? "-" : "-+-").append("-".repeat(widths[i]));
                }
                sb.append('\n');
            }
        }
        sb.append('(').append(result.rows().size()).append(result.rows().size() == 1 ? " row)" : " rows)").append('\n');
        return sb.toString();
    }

    public static String json(ResultTable result) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode rows = mapper.createArrayNode();
        for (List<Object> row : result.rows()) {
            ObjectNode o = rows.addObject();
            for (int i = 0; i < result.columns().size(); i++) {
                Object v = row.get(i);
                String name = result.columns().get(i);
                if (v == null) {
                    o.putNull(name);
                } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
                    o.put(name, ((Number) v).longValue());
                } else if (v instanceof Double d) {
                    o.put(name, d);
                } else if (v instanceof Float f) {
                    o.put(name, f);
                } else if (v instanceof BigDecimal d) {
                    o.put(name, d);
                } else if (v instanceof Boolean b) {
                    o.put(name, b);
                } else {
                    o.put(name, String.valueOf(v));
                }
            }
        }
        try {
            return mapper.writeValueAsString(rows) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String csv(ResultTable result) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", result.columns().stream().map(ResultFormat::csvCell).toList())).append("\r\n");
        for (List<Object> row : result.rows()) {
            sb.append(String.join(",", row.stream().map(ResultFormat::csvValue).toList())).append("\r\n");
        }
        return sb.toString();
    }

    /** Numbers as they are (a negative number is no formula); every other value a neutralised text cell. */
    private static String csvValue(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Number) {
            return String.valueOf(v);
        }
        return csvCell(String.valueOf(v));
    }

    /** Characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    /**
     * One text cell: a value starting with {@code = + - @}, a tab or a carriage return gets a leading
     * {@code '} so Excel, LibreOffice and Google Sheets show it as text instead of running it (OWASP's
     * advice on CSV injection); then quoted as RFC 4180 wants when it holds a comma, a quote or a line break.
     */
    static String csvCell(String s) {
        String cell = !s.isEmpty() && FORMULA_STARTS.indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")
                ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }

    static String text(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format("%.1f", d) : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return visible(String.valueOf(v));
    }

    /**
     * Control characters (C0, DEL, C1: line breaks, tabs, terminal escape sequences) and the
     * bidirectional overrides as Java-style escapes (ESC shows as backslash-u001B), so a cell can
     * neither break the table's lines, nor drive the terminal it is printed on, nor reorder what it shows.
     */
    static String visible(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E)
                    || (c >= 0x2066 && c <= 0x2069)) {
                if (sb == null) {
                    sb = new StringBuilder(s.substring(0, i));
                }
                sb.append(String.format("\\u%04X", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static boolean isNumeric(String type) {
        String t = type.toLowerCase();
        return t.startsWith("bigint") || t.startsWith("integer") || t.startsWith("smallint") || t.startsWith("tinyint") || t.startsWith("double")
                || t.startsWith("real") || t.startsWith("decimal");
    }

    /** Display width: East Asian wide characters take two columns. */
    static int width(String s) {
        return s.codePoints().map(c -> c >= 0x1100 && (c <= 0x115F || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6)
                || (c >= 0x20000 && c <= 0x3FFFD)) ? 2 : 1).sum();
    }
}
