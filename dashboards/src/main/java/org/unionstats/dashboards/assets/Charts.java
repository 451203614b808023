package org.unionstats.dashboards.assets;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Chart factories, one per kind the dashboards use, with Superset 6.1's form-data keys for each viz type. */
public final class Charts {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    static final String TIME_FORMAT = "%Y-%m";
    /**
     * The table chart's "render columns in HTML format" (on by Superset's default): off, so a cell
     * that holds markup (a file name, a message, anything a submitter wrote) is shown as text.
     */
    static final String ALLOW_RENDER_HTML = "allow_render_html";

    private Charts() {}

    private static String format(Dataset dataset, String metric) {
        return dataset.metrics().stream().filter(m -> m.name().equals(metric)).map(Metric::d3format).filter(f -> f != null)
                .findFirst().orElse(",.0f");
    }

    private static Metric metric(Dataset dataset, String name) {
        return dataset.metrics().stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("dataset " + dataset.key() + " has no metric " + name));
    }

    private static void requireColumns(Dataset dataset, List<String> columns) {
        for (String c : columns) {
            if (!dataset.hasColumn(c)) {
                throw new IllegalArgumentException("dataset " + dataset.key() + " has no column " + c);
            }
        }
    }

    /** A big number with its trend over the periods and the change on the period before. */
    public static Chart bigNumber(String key, String title, Dataset dataset, String metric, List<Filter> filters) {
        metric(dataset, metric);
        String time = dataset.temporalColumn().name();
        ObjectNode style = JSON.objectNode().put("metric", metric).put("x_axis", time).put("time_grain_sqla", "P1D")
                .put("compare_lag", 1).put("compare_suffix", "较上期").put("show_trend_line", true).put("start_y_axis_at_zero", false)
                .put("header_font_size", 0.4).put("subheader_font_size", 0.15).put("rolling_type", "None")
                .put("time_format", TIME_FORMAT).put("y_axis_format", format(dataset, metric));
        style.putObject("color_picker").put("r", 200).put("g", 38).put("b", 46).put("a", 1);
        return new Chart(key, title, dataset, "big_number", List.of(time), List.of(metric), List.of(), filters,
                List.of(new Chart.Order(time, true)), 1000, false, style);
    }

    /** A time series (line or bar) of metrics, one series per group. */
    public static Chart timeseries(String key, String title, Dataset dataset, boolean bars, List<String> metrics, List<String> groupby,
            List<Filter> filters) {
        metrics.forEach(m -> metric(dataset, m));
        requireColumns(dataset, groupby);
        String time = dataset.temporalColumn().name();
        ObjectNode style = JSON.objectNode().put("x_axis", time).put("time_grain_sqla", "P1D");
        ArrayNode m = style.putArray("metrics");
        metrics.forEach(m::add);
        ArrayNode g = style.putArray("groupby");
        groupby.forEach(g::add);
        style.put("x_axis_time_format", TIME_FORMAT).put("tooltipTimeFormat", TIME_FORMAT).put("y_axis_format", format(dataset, metrics.get(0)))
                .put("show_legend", true).put("legendType", "scroll").put("legendOrientation", "top").put("rich_tooltip", true)
                .put("color_scheme", "supersetColors").put("markerEnabled", true).put("markerSize", 6).put("order_desc", true)
                .put("truncateXAxis", true).put("x_axis_sort_asc", true).put("zoomable", false).put("show_value", bars && groupby.isEmpty())
                .put("only_total", true).put("comparison_type", "values").put("seriesType", bars ? "bar" : "line");
        style.putArray("y_axis_bounds").addNull().addNull();
        List<String> dims = new java.util.ArrayList<>(List.of(time));
        dims.addAll(groupby);
        return new Chart(key, title, dataset, bars ? "echarts_timeseries_bar" : "echarts_timeseries_line", dims, metrics, List.of(), filters,
                List.of(new Chart.Order(time, true)), 10000, false, style);
    }

    /** A ranking: one bar per category, best first. */
    public static Chart ranking(String key, String title, Dataset dataset, String category, String metric, List<Filter> filters) {
        Metric m = metric(dataset, metric);
        requireColumns(dataset, List.of(category));
        ObjectNode style = JSON.objectNode().put("x_axis", category);
        style.putArray("metrics").add(metric);
        style.putArray("groupby");
        style.put("orientation", "horizontal").put("x_axis_sort", m.labelZh()).put("x_axis_sort_asc", true)
                .put("y_axis_format", format(dataset, metric)).put("show_value", true).put("show_legend", false)
                .put("color_scheme", "supersetColors").put("only_total", true).put("order_desc", true).put("truncateXAxis", true)
                .put("seriesType", "bar").put("comparison_type", "values");
        style.putArray("y_axis_bounds").addNull().addNull();
        return new Chart(key, title, dataset, "echarts_timeseries_bar", List.of(category), List.of(metric), List.of(), filters,
                List.of(new Chart.Order(metric, false)), 100, true, style);
    }

    /** A table of metrics per group, sorted by the first metric (largest first). */
    public static Chart table(String key, String title, Dataset dataset, List<String> groupby, List<String> metrics, List<Filter> filters,
            boolean latestOnly) {
        metrics.forEach(m -> metric(dataset, m));
        requireColumns(dataset, groupby);
        ObjectNode style = JSON.objectNode().put("query_mode", "aggregate");
        ArrayNode g = style.putArray("groupby");
        groupby.forEach(g::add);
        ArrayNode m = style.putArray("metrics");
        metrics.forEach(m::add);
        style.putArray("all_columns");
        style.putArray("percent_metrics");
        style.put("timeseries_limit_metric", metrics.get(0)).put("order_desc", true).put("show_cell_bars", true).put("color_pn", true)
                .put("server_pagination", false).put("server_page_length", 10).put("include_search", false)
                .put("table_timestamp_format", "%Y-%m-%d").put(ALLOW_RENDER_HTML, false);
        return new Chart(key, title, dataset, "table", groupby, metrics, List.of(), filters, List.of(new Chart.Order(metrics.get(0), false)),
                1000, latestOnly, style);
    }

    /** A table of rows as they are, in the given order. */
    public static Chart rawTable(String key, String title, Dataset dataset, List<String> columns, List<Filter> filters,
            List<Chart.Order> order, int rowLimit, boolean latestOnly) {
        requireColumns(dataset, columns);
        for (Chart.Order o : order) {
            if (!columns.contains(o.name())) {
                throw new IllegalArgumentException("a raw table sorts by shown columns only: " + o.name() + " is not in " + columns);
            }
        }
        ObjectNode style = JSON.objectNode().put("query_mode", "raw");
        ArrayNode c = style.putArray("all_columns");
        columns.forEach(c::add);
        ArrayNode o = style.putArray("order_by_cols");
        order.forEach(x -> o.add("[\"" + x.name() + "\", " + x.ascending() + "]"));
        style.putArray("groupby");
        style.putArray("metrics");
        style.putArray("percent_metrics");
        ObjectNode config = style.putObject("column_config");
        for (String name : columns) {
            dataset.columns().stream().filter(col -> col.name().equals(name) && col.type().equals("DOUBLE")).findFirst()
                    .ifPresent(col -> config.putObject(name).put("d3NumberFormat", ",.4~r"));
        }
        style.put("order_desc", true).put("show_cell_bars", true).put("color_pn", true).put("server_pagination", false)
                .put("server_page_length", 20).put("include_search", true).put("table_timestamp_format", "%Y-%m-%d %H:%M")
                .put(ALLOW_RENDER_HTML, false);
        return new Chart(key, title, dataset, "table", List.of(), List.of(), columns, filters, order, rowLimit, latestOnly, style);
    }

    /** Bars of several metrics side by side, one group per category, in the category's order. */
    public static Chart bars(String key, String title, Dataset dataset, String category, List<String> metrics, List<Filter> filters) {
        metrics.forEach(m -> metric(dataset, m));
        requireColumns(dataset, List.of(category));
        ObjectNode style = JSON.objectNode().put("x_axis", category);
        ArrayNode m = style.putArray("metrics");
        metrics.forEach(m::add);
        style.putArray("groupby");
        style.put("orientation", "vertical").put("x_axis_sort_asc", true).put("y_axis_format", format(dataset, metrics.get(0)))
                .put("show_value", true).put("show_legend", true).put("legendType", "scroll").put("legendOrientation", "top")
                .put("color_scheme", "supersetColors").put("only_total", true).put("order_desc", true).put("truncateXAxis", true)
                .put("seriesType", "bar").put("comparison_type", "values")
                // Every category named, slanted so a city's dozen county names fit.
                .put("xAxisLabelInterval", "0").put("xAxisLabelRotation", 45);
        style.putArray("y_axis_bounds").addNull().addNull();
        return new Chart(key, title, dataset, "echarts_timeseries_bar", List.of(category), metrics, List.of(), filters,
                List.of(new Chart.Order(category, true)), 100, true, style);
    }

    /**
     * A raw table whose markup columns the table renders as HTML (links), sanitised by Superset: for datasets whose
     * every text is the warehouse's own (codes, names of the region directory, links made in the dataset's SQL), never
     * what a submitter wrote.
     */
    public static Chart linkTable(String key, String title, Dataset dataset, List<String> columns, List<Chart.Order> order, int rowLimit) {
        Chart chart = rawTable(key, title, dataset, columns, List.of(), order, rowLimit, false);
        chart.style().put(ALLOW_RENDER_HTML, true);
        return chart;
    }

    /** Superset's China map: provinces keyed by ISO 3166-2 code, shaded by the metric. */
    public static Chart chinaMap(String key, String title, Dataset dataset, String isoColumn, String metric, List<Filter> filters) {
        metric(dataset, metric);
        requireColumns(dataset, List.of(isoColumn));
        ObjectNode style = JSON.objectNode().put("select_country", "china").put("entity", isoColumn).put("metric", metric)
                .put("linear_color_scheme", "superset_seq_1").put("number_format", format(dataset, metric));
        return new Chart(key, title, dataset, "country_map", List.of(isoColumn), List.of(metric), List.of(), filters, List.of(), 100, true,
                style);
    }
}
