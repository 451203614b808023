package org.unionstats.warehouse.tables;
import org.unionstats.schemas.SchemaResources;


import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.unionstats.kpis.KpiCatalogue;
import org.unionstats.kpis.KpiDefinition;
import org.unionstats.kpis.KpiFamily;

/**
 * What is published and how it is described: schemas/trino/tables.yaml with the Avro docs and the
 * KPI catalogue it points at, and the views of schemas/trino/views/.
 */
public record TableCatalog(String catalog, Map<String, String> schemas, Map<String, String> glossary, List<TableSpec> tables,
        List<ViewSpec> views) {

    /** The suffix of a KPI's qualifier column in the family tables. */
    public static final String QUALIFIER_SUFFIX = "_qualifier";

    /** The type of a KPI's value in every table the KPI job writes. */
    static final String KPI_VALUE_TYPE = ColumnTypes.DOUBLE;

    /** The table of a warehouse folder. */
    public TableSpec table(String folder) {
        return tables.stream().filter(t -> t.folder().equals(folder)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("schemas/trino/tables.yaml lists no table in folder " + folder));
    }

    public static TableCatalog load() {
        return load(KpiCatalogue.load());
    }

    /** The catalogue with the KPI columns described by the given KPI catalogue. */
    public static TableCatalog load(KpiCatalogue kpis) {
        JsonNode yaml = SchemaResources.yaml("trino/tables.yaml");
        Map<String, String> schemas = strings(yaml.path("schemas"));
        Map<String, String> glossary = strings(yaml.path("glossary"));
        List<TableSpec> tables = new ArrayList<>();
        for (JsonNode t : yaml.path("tables")) {
            String avro = t.hasNonNull("avro") ? t.get("avro").asText() : null;
            String family = t.hasNonNull("kpi_family") ? t.get("kpi_family").asText() : null;
            Map<String, String> columns = new LinkedHashMap<>();
            Map<String, String> types = new LinkedHashMap<>();
            String comment = t.path("comment").asText("");
            if (avro != null) {
                Schema schema = AvroSchemas.schema(avro);
                columns.putAll(AvroSchemas.fieldDocs(schema));
                types.putAll(AvroSchemas.fieldTypes(schema));
                comment = comment.isEmpty() ? AvroSchemas.recordDoc(schema) : comment;
            }
            if (family != null) {
                KpiFamily f = kpis.family(family);
                for (String key : List.of("org_code", "org_level", "period_type")) {
                    columns.put(key, glossary.get(key));
                    types.put(key, ColumnTypes.STRING);
                }
                columns.putAll(familyTableColumns(f));
                f.kpis().forEach(kpi -> {
                    types.put(kpi.id(), KPI_VALUE_TYPE);
                    types.put(kpi.id() + QUALIFIER_SUFFIX, ColumnTypes.STRING);
                });
                if (comment.isEmpty()) {
                    comment = f.nameZh() + "指标宽表（每个组织、期间一行，每个指标一列数值、一列数据限定；基层工会只有季度、半年、年度；分析请用视图 kpi."
                            + f.family() + " 或 kpi.kpi_values）/ " + f.nameEn() + " KPIs, one row per org and period, a value and a qualifier"
                            + " column per KPI; basic-level unions have quarters, half-years and years only; analysts use the view kpi."
                            + f.family() + " or kpi.kpi_values";
                }
            }
            columns.putAll(strings(t.path("columns")));
            types.putAll(strings(t.path("column_types")));
            String schema = t.path("schema").asText();
            if (!schemas.containsKey(schema)) {
                throw new IllegalStateException("schemas/trino/tables.yaml: table " + t.path("name").asText() + " is in undeclared schema " + schema);
            }
            if (!t.hasNonNull("writer")) {
                throw new IllegalStateException("schemas/trino/tables.yaml: table " + t.path("name").asText() + " names no writer");
            }
            String name = t.path("name").asText();
            tables.add(new TableSpec(t.path("folder").asText(), Writer.fromCode(t.get("writer").asText()), schema, name, comment, avro, family,
                    columns, typesOfEvery(schema + "." + name, columns, types), partitionedBy(t)));
        }
        String catalog = yaml.path("catalog").asText("unionstats");
        List<ViewSpec> views = new ArrayList<>();
        for (JsonNode v : yaml.path("views")) {
            String sql = withKpiLists(SchemaResources.text("trino/" + v.path("sql").asText()).strip(), kpis, tables, catalog);
            views.add(new ViewSpec(v.path("schema").asText(), v.path("name").asText(), v.path("comment").asText(), sql,
                    strings(v.path("columns"))));
        }
        JsonNode familyViews = yaml.path("family_views");
        if (!familyViews.isMissingNode()) {
            for (TableSpec t : tables) {
                if (t.kpiFamily() != null) {
                    views.add(familyView(familyViews, t, kpis.family(t.kpiFamily()), catalog));
                }
            }
        }
        return new TableCatalog(catalog, schemas, glossary, tables, views);
    }

    /** {@code partitioned_by:} as listed, none for {@code partitioned: false}, else by period. */
    private static List<String> partitionedBy(JsonNode table) {
        if (!table.path("partitioned").asBoolean(true)) {
            return List.of();
        }
        List<String> columns = new ArrayList<>();
        table.path("partitioned_by").forEach(c -> columns.add(c.asText()));
        return columns.isEmpty() ? List.of("period") : columns;
    }

    /**
     * The documented columns' types in column order, checked: a table is published before it has data, so every
     * column it documents needs a type, and a type for an undocumented column is a misspelt name.
     */
    static Map<String, String> typesOfEvery(String table, Map<String, String> columns, Map<String, String> types) {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String column : columns.keySet()) {
            String type = types.get(column);
            if (type == null) {
                throw new IllegalStateException("schemas/trino/tables.yaml: column " + column + " of table " + table
                        + " has no type (add it to the table's column_types)");
            }
            if (!ColumnTypes.isKnown(type)) {
                throw new IllegalStateException("schemas/trino/tables.yaml: column " + column + " of table " + table + " has type " + type
                        + ", not one of string, int, bigint, double, boolean, date, timestamp, decimal(p,s)");
            }
            ordered.put(column, type);
        }
        for (String column : types.keySet()) {
            if (!columns.containsKey(column)) {
                throw new IllegalStateException("schemas/trino/tables.yaml: table " + table + " types column " + column
                        + ", which it does not document");
            }
        }
        return ordered;
    }

    /** The folders one job writes, in catalogue order. */
    public List<String> foldersWrittenBy(Writer writer) {
        return tables.stream().filter(t -> t.writer() == writer).map(TableSpec::folder).toList();
    }

    /** kpi.&lt;family&gt;: the family's wide table with the org's names and path, one column per KPI. */
    static ViewSpec familyView(JsonNode config, TableSpec table, KpiFamily family, String catalog) {
        Map<String, String> kpiColumns = kpiColumns(family);
        StringBuilder sql = new StringBuilder("SELECT f.org_code,\n       o.org_name,\n       f.org_level,\n       o.province_name AS province,\n"
                + "       o.city_name AS city,\n       o.county_name AS county,\n       f.period,\n       f.period_type");
        for (String kpi : kpiColumns.keySet()) {
            sql.append(",\n       f.").append(kpi);
        }
        sql.append("\nFROM ").append(catalog).append('.').append(table.schema()).append('.').append(table.name()).append(" f\n")
                .append("JOIN ").append(catalog).append(".warehouse.dim_orgs o ON o.org_code = f.org_code");
        String comment = family.nameZh() + config.path("comment_zh").asText() + "：每个组织、期间一行，每个指标一列，附组织路径 / "
                + family.nameEn() + " — " + config.path("comment_en").asText() + ": one row per org and period, one column per KPI, with the org's path";
        return new ViewSpec(config.path("schema").asText("kpi"), family.family(), comment, sql.toString(), kpiColumns);
    }

    /** A family's KPIs as documented columns (id → comment), in catalogue order. */
    static Map<String, String> kpiColumns(KpiFamily family) {
        if (family.kpis().isEmpty()) {
            throw new IllegalStateException("schemas/kpis/" + family.family() + ".yaml lists no KPIs");
        }
        Map<String, String> columns = new LinkedHashMap<>();
        for (KpiDefinition kpi : family.kpis()) {
            columns.put(kpi.id(), comment(kpi));
        }
        return columns;
    }

    /** A family's KPIs as a value column and a qualifier column each, in catalogue order (the family's table). */
    static Map<String, String> familyTableColumns(KpiFamily family) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (KpiDefinition kpi : family.kpis()) {
            columns.put(kpi.id(), comment(kpi));
            columns.put(kpi.id() + QUALIFIER_SUFFIX, "数据限定：" + kpi.nameZh() + " / Qualifier of " + kpi.nameEn() + ": exact, over, nearly");
        }
        if (columns.isEmpty()) {
            throw new IllegalStateException("schemas/kpis/" + family.family() + ".yaml lists no KPIs");
        }
        return columns;
    }

    /**
     * A view's SQL with the KPI rows it may name generated from the KPI catalogue, so a view that unnests the basic-level
     * unions' KPIs never lists KPIs by hand: {@code ${basic_union_kpi_rows}} becomes one query per family table, {@code
     * UNION ALL}, of the columns {@code org_code, period, period_type, kpi_id, value, qualifier}: the table's basic-level
     * rows unnested, a row per KPI with a value.
     */
    static String withKpiLists(String sql, KpiCatalogue kpis, List<TableSpec> tables, String catalog) {
        if (!sql.contains("${basic_union_kpi_rows}")) {
            return sql;
        }
        List<String> rows = new ArrayList<>();
        for (TableSpec t : tables) {
            if (t.kpiFamily() == null) {
                continue;
            }
            List<String> ids = kpis.family(t.kpiFamily()).kpis().stream().map(KpiDefinition::id).toList();
            rows.add("SELECT f.org_code, f.period, f.period_type, u.kpi_id, u.value, u.qualifier\n"
                    + "FROM " + catalog + "." + t.schema() + "." + t.name() + " f\n"
                    + "CROSS JOIN UNNEST(ARRAY[" + String.join(", ", ids.stream().map(id -> "'" + id + "'").toList()) + "],\n"
                    + "                  ARRAY[" + String.join(", ", ids.stream().map(id -> "f." + id).toList()) + "],\n"
                    + "                  ARRAY[" + String.join(", ", ids.stream().map(id -> "f." + id + QUALIFIER_SUFFIX).toList())
                    + "]) AS u (kpi_id, value, qualifier)\n"
                    + "WHERE f.org_level = 'basic' AND u.value IS NOT NULL");
        }
        return sql.replace("${basic_union_kpi_rows}", String.join("\nUNION ALL\n", rows));
    }

    /** A KPI column's comment: its names in both languages, its unit and its definition. */
    static String comment(KpiDefinition kpi) {
        return kpi.nameZh() + " / " + kpi.nameEn() + (kpi.unit().isEmpty() ? "" : "（" + kpi.unit() + "）") + "：" + kpi.description();
    }

    /** The comment of a view column: the view's own, else the glossary's, else that of a published column of that name. */
    public String viewColumnComment(ViewSpec view, String column) {
        if (view.columns().containsKey(column)) {
            return view.columns().get(column);
        }
        if (glossary.containsKey(column)) {
            return glossary.get(column);
        }
        for (TableSpec t : tables) {
            if (t.columns().containsKey(column)) {
                return t.columns().get(column);
            }
        }
        return null;
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
