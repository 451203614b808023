package org.unionstats.dashboards.assets;

import java.util.ArrayList;
import java.util.List;

/**
 * A dashboard: rows of charts on Superset's 12-column grid, native filters on top, and who may open it.
 *
 * @param adminOnly engineers only (the leader role does not see it)
 */
public record Dashboard(String slug, String titleZh, String descriptionZh, List<Row> rows, List<NativeFilter> filters, boolean adminOnly) {

    /** Charts side by side; widths add up to at most 12. */
    public record Row(List<Cell> cells) {}

    /** A chart and its size: width in grid columns (1-12), height in grid units (8 px each). */
    public record Cell(Chart chart, int width, int height) {}

    /**
     * A select filter on a dataset column.
     *
     * @param latestFirst single choice, required, the newest value first and chosen by default (periods)
     * @param parent the filter whose choice narrows this one's options (city under province), or null
     * @param preFilter limits the options (e.g. quarters only), or null
     */
    public record NativeFilter(String key, String nameZh, Dataset dataset, String column, boolean latestFirst, String parent,
            Filter preFilter) {

        public String id() {
            return "NATIVE_FILTER-" + key;
        }
    }

    public String uuid() {
        return Ids.uuid("dashboard", slug);
    }

    public List<Chart> charts() {
        List<Chart> charts = new ArrayList<>();
        rows.forEach(r -> r.cells().forEach(c -> charts.add(c.chart())));
        return charts;
    }

    public static Row row(Cell... cells) {
        return new Row(List.of(cells));
    }

    public static Cell cell(Chart chart, int width, int height) {
        return new Cell(chart, width, height);
    }
}
