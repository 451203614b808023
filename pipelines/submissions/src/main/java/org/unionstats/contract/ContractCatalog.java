package org.unionstats.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.unionstats.warehouse.tables.AvroSchemas;
import org.unionstats.schemas.SchemaResources;
import org.unionstats.values.Unit;

/**
 * The submission contract as the warehouse schemas declare it: for each record type, the
 * Avro schema of its table and the source columns that fill it (its fields' {@code x-source}
 * extension), both from {@link AvroSchemas}; and the KPIs a target may name ({@link TargetKpis}, from the KPI
 * catalogue). The Avro schemas are parsed on first use only: loading the contract starts no logging (see
 * {@link AvroSchemas#document}).
 */
public final class ContractCatalog implements Serializable {

    private final Map<RecordType, String> schemaJson;
    private final Map<RecordType, List<SourceColumn>> columns;
    private final Map<RecordType, List<String>> naturalKeys;
    private final TargetKpis targetKpis;
    private transient Map<RecordType, Schema> schemas;

    private ContractCatalog(
            Map<RecordType, String> schemaJson,
            Map<RecordType, List<SourceColumn>> columns,
            Map<RecordType, List<String>> naturalKeys,
            TargetKpis targetKpis) {
        this.schemaJson = schemaJson;
        this.columns = columns;
        this.naturalKeys = naturalKeys;
        this.targetKpis = targetKpis;
    }

    public static ContractCatalog load() {
        Map<RecordType, String> json = new EnumMap<>(RecordType.class);
        Map<RecordType, List<SourceColumn>> columns = new EnumMap<>(RecordType.class);
        Map<RecordType, List<String>> keys = new EnumMap<>(RecordType.class);
        for (RecordType type : RecordType.values()) {
            JsonNode root = AvroSchemas.document(type.code());
            json.put(type, root.toString());
            columns.put(type, sourceColumns(root));
            List<String> key = new ArrayList<>();
            root.get("x-natural-key").forEach(k -> key.add(k.asText()));
            keys.put(type, List.copyOf(key));
        }
        return new ContractCatalog(json, columns, keys, TargetKpis.load());
    }

    /** Schema of a table that is not a record type: {@code quarantine}, {@code ingest_receipts}. */
    public static Schema tableSchema(String table) {
        return AvroSchemas.schema(table);
    }

    public Schema schema(RecordType type) {
        if (schemas == null) {
            Map<RecordType, Schema> parsed = new EnumMap<>(RecordType.class);
            schemaJson.forEach((t, s) -> parsed.put(t, new Schema.Parser().parse(s)));
            schemas = parsed;
        }
        return schemas.get(type);
    }

    public List<SourceColumn> columns(RecordType type) {
        return columns.get(type);
    }

    /** The KPIs a target ({@link RecordType#TARGETS}) may name. */
    public TargetKpis targetKpis() {
        return targetKpis;
    }

    /** The fields whose values identify a row: a repeat with the same key is a duplicate or a conflict. */
    public List<String> naturalKey(RecordType type) {
        return naturalKeys.get(type);
    }

    private static List<SourceColumn> sourceColumns(JsonNode schema) {
        List<SourceColumn> result = new ArrayList<>();
        for (JsonNode field : schema.get("fields")) {
            JsonNode src = field.get("x-source");
            if (src == null) {
                continue;
            }
            String fieldName = field.get("name").asText();
            List<String> aliases = new ArrayList<>();
            if (src.has("aliases")) {
                src.get("aliases").forEach(a -> aliases.add(a.asText()));
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (src.has("labels")) {
                src.get("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            }
            result.add(new SourceColumn(
                    src.has("column") ? src.get("column").asText() : fieldName,
                    src.get("zh").asText(),
                    fieldName,
                    ColumnKind.fromCode(src.get("kind").asText()),
                    src.path("required").asBoolean(false),
                    aliases,
                    labels,
                    src.has("default") ? src.get("default").asText() : null,
                    src.has("min") ? new BigDecimal(src.get("min").asText()) : null,
                    src.has("max") ? new BigDecimal(src.get("max").asText()) : null,
                    src.has("period_rule") ? src.get("period_rule").asText() : null,
                    src.path("personal").asBoolean(false),
                    unitBy(fieldName, src.get("unit_by"))));
        }
        return List.copyOf(result);
    }

    /** {@code "unit_by": {"column": <field>, "units": {<code>: {"code": <unit code>, "zh": <unit word>}}}}, or null. */
    private static SourceColumn.UnitBy unitBy(String fieldName, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.hasNonNull("column") || !node.path("units").isObject()) {
            throw new IllegalStateException("field " + fieldName + ": unit_by needs a column and its units");
        }
        Map<String, Unit> units = new LinkedHashMap<>();
        node.get("units").fields().forEachRemaining(e -> units.put(e.getKey(),
                Unit.of(e.getValue().path("code").asText(), e.getValue().path("zh").asText(null))));
        return new SourceColumn.UnitBy(node.get("column").asText(), units);
    }

    /** A file of schemas/ on the classpath (Indicators reads the indicator list with it). */
    static String readResource(String relative) {
        return SchemaResources.text(relative);
    }
}
