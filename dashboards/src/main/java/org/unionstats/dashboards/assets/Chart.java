package org.unionstats.dashboards.assets;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A chart: what it asks (dataset, dimensions, metrics or raw columns, fixed filters) and how it
 * draws it (viz type and form data). The saved query context is derived from the question, so
 * Superset's chart-data API answers exactly what the chart shows, without the browser.
 *
 * @param dimensions columns grouped by, the time axis first for time series
 * @param metrics saved metric names (aggregated charts)
 * @param columns raw columns (raw tables); then metrics is empty
 * @param orderBy column or metric name and ascending?, in order
 * @param latestOnly charts of one period: the latest one (a filter on is_latest_period)
 */
public record Chart(String key, String titleZh, Dataset dataset, String vizType, List<String> dimensions, List<String> metrics,
        List<String> columns, List<Filter> filters, List<Order> orderBy, int rowLimit, boolean latestOnly, ObjectNode style) {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** One sort key. */
    public record Order(String name, boolean ascending) {}

    public String uuid() {
        return Ids.uuid("chart", key);
    }

    /** The filters the saved query applies: the chart's own, plus the latest period for one-period charts. */
    public List<Filter> queryFilters() {
        List<Filter> all = new ArrayList<>(filters);
        if (latestOnly) {
            all.add(Filter.isTrue("is_latest_period"));
        }
        return all;
    }

    /** The form data ("params"): the style's keys plus the question's. */
    public ObjectNode params() {
        ObjectNode params = JSON.objectNode();
        params.put("viz_type", vizType);
        params.put("datasource", "__table");
        ArrayNode adhoc = params.putArray("adhoc_filters");
        Column temporal = dataset.temporalColumn();
        if (temporal != null && dimensions.contains(temporal.name())) {
            adhoc.addObject().put("clause", "WHERE").put("comparator", "No filter").put("expressionType", "SIMPLE")
                    .put("operator", "TEMPORAL_RANGE").put("subject", temporal.name());
        }
        queryFilters().forEach(f -> adhoc.add(f.adhoc()));
        params.setAll(style);
        params.put("row_limit", rowLimit);
        return params;
    }

    /** The saved query context: one query, the question as the chart-data API takes it. */
    public ObjectNode queryContext() {
        ObjectNode qc = JSON.objectNode();
        qc.putObject("datasource").put("id", 0).put("type", "table");
        qc.put("force", false);
        ArrayNode queries = qc.putArray("queries");
        ObjectNode query = queries.addObject();
        ArrayNode filterArray = query.putArray("filters");
        queryFilters().forEach(f -> filterArray.add(f.query()));
        query.putObject("extras").put("having", "").put("where", "");
        query.putObject("applied_time_extras");
        ArrayNode cols = query.putArray("columns");
        if (columns.isEmpty()) {
            dimensions.forEach(cols::add);
        } else {
            columns.forEach(cols::add);
        }
        ArrayNode metricArray = query.putArray("metrics");
        metrics.forEach(metricArray::add);
        ArrayNode order = query.putArray("orderby");
        for (Order o : orderBy) {
            order.addArray().add(o.name()).add(o.ascending());
        }
        query.put("row_limit", rowLimit);
        query.put("series_limit", 0);
        query.put("order_desc", true);
        query.putObject("url_params");
        query.putArray("custom_params");
        query.putArray("custom_form_data");
        qc.set("form_data", params());
        qc.put("result_format", "json");
        qc.put("result_type", "full");
        return qc;
    }
}
