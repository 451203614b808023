package org.unionstats.kpis;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One KPI of the catalogue. Exactly one of measure, ratio, expression and yoyOf is set; {@code target} says whether
 * (and how) a union may be given a target for it (目标任务).
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record KpiDefinition(
        @JsonProperty(value = "id", required = true) String id,
        @JsonProperty(value = "name_zh", required = true) String nameZh,
        @JsonProperty(value = "name_en", required = true) String nameEn,
        @JsonProperty(value = "description", required = true) String description,
        @JsonProperty(value = "unit", required = true) String unit,
        @JsonProperty(value = "additivity", required = true) String additivity,
        @JsonProperty(value = "better", required = true) String better,
        @JsonProperty(value = "source", required = true) String source,
        @JsonProperty("measure") String measure,
        @JsonProperty("ratio") Ratio ratio,
        @JsonProperty("expression") String expression,
        @JsonProperty("yoy_of") String yoyOf,
        @JsonProperty("breakdown") String breakdown,
        @JsonProperty("target") Target target)
        implements Serializable {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]*");

    public record Ratio(
            @JsonProperty(value = "numerator", required = true) String numerator,
            @JsonProperty(value = "denominator", required = true) String denominator,
            @JsonProperty("scale") Double scale)
            implements Serializable {

        public double scaleOrOne() {
            return scale == null ? 1.0 : scale;
        }
    }

    /**
     * How a target for the KPI is evaluated ({@code target:} in the catalogue). A {@code flow} counts what happens in
     * a period: its year-to-date value at a quarter's end is summed from the periods of the year so far, and an annual
     * target is expected to be reached in proportion to the year elapsed. A {@code stock} is a level at the period's
     * end: its year-to-date value is the value at the quarter's end, expected to move in a straight line from the
     * year's opening value to the target. A ratio takes the kind of its numerator.
     *
     * @param kind {@code flow} or {@code stock}
     * @param aliases further names a target letter may use for the KPI (新增会员 for members_joined)
     */
    public record Target(
            @JsonProperty(value = "kind", required = true) String kind,
            @JsonProperty("aliases") List<String> aliases)
            implements Serializable {

        public static final String FLOW = "flow";
        public static final String STOCK = "stock";

        public Target {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }

        public boolean isFlow() {
            return FLOW.equals(kind);
        }
    }

    /** Whether a union may be given a target for this KPI. */
    public boolean targetable() {
        return target != null;
    }

    public Additivity additivityClass() {
        return Additivity.fromCode(additivity);
    }

    /** The other KPIs this one is computed from. */
    public List<String> dependencies() {
        List<String> deps = new ArrayList<>();
        if (ratio != null) {
            deps.add(ratio.numerator());
            deps.add(ratio.denominator());
        }
        if (yoyOf != null) {
            deps.add(yoyOf);
        }
        if (expression != null) {
            Matcher m = IDENTIFIER.matcher(expression);
            while (m.find()) {
                deps.add(m.group());
            }
        }
        return deps;
    }

    int ways() {
        int n = 0;
        n += measure != null ? 1 : 0;
        n += ratio != null ? 1 : 0;
        n += expression != null ? 1 : 0;
        n += yoyOf != null ? 1 : 0;
        return n;
    }
}
