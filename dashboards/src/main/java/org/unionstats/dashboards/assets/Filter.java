package org.unionstats.dashboards.assets;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A fixed filter of a chart: {@code column = value} or {@code column IS TRUE}. */
public record Filter(String column, String value) {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    public static Filter eq(String column, String value) {
        return new Filter(column, value);
    }

    public static Filter isTrue(String column) {
        return new Filter(column, null);
    }

    /** As the chart's form data has it (an "adhoc filter"). */
    ObjectNode adhoc() {
        ObjectNode f = JSON.objectNode().put("clause", "WHERE").put("expressionType", "SIMPLE").put("subject", column);
        if (value == null) {
            f.put("operator", "IS TRUE").put("operatorId", "IS_TRUE");
            f.putNull("comparator");
        } else {
            f.put("operator", "==").put("operatorId", "EQUALS").put("comparator", value);
        }
        return f.put("isExtra", false).put("isNew", false).put("filterOptionName", "filter_" + column);
    }

    /** As a query of the chart-data API has it. */
    ObjectNode query() {
        ObjectNode f = JSON.objectNode().put("col", column);
        if (value == null) {
            f.put("op", "IS TRUE");
        } else {
            f.put("op", "==").put("val", value);
        }
        return f;
    }

    /** As SQL, for tests that ask Trino the same question. */
    public String sql() {
        return value == null ? column + " IS TRUE" : column + " = '" + value.replace("'", "''") + "'";
    }
}
