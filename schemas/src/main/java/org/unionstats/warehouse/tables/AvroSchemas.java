package org.unionstats.warehouse.tables;
import org.unionstats.schemas.SchemaResources;


import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * The warehouse tables' Avro schemas ({@code schemas/avro/<table>.avsc}), the one reader of those
 * files: the parsed schema, its bilingual docs (which the published tables' comments come from), and
 * the file as written, for readers of its extensions (the contract's {@code x-source}), and each field's column type.
 */
public final class AvroSchemas {

    private AvroSchemas() {}

    /** The table's schema, parsed afresh (Avro schemas take properties, so callers never share one). */
    public static Schema schema(String table) {
        return new Schema.Parser().parse(SchemaResources.text("avro/" + table + ".avsc"));
    }

    /**
     * The schema file as written (JSON), extensions included. For readers that need only the
     * extensions: Avro's Schema class starts SLF4J when it loads, which a JVM without a logging
     * backend reports on standard error.
     */
    public static JsonNode document(String table) {
        String path = "avro/" + table + ".avsc";
        try {
            return SchemaResources.JSON.readTree(SchemaResources.text(path));
        } catch (IOException e) {
            throw new IllegalStateException("schemas/" + path + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** The record's doc, empty when it has none. */
    public static String recordDoc(Schema schema) {
        return schema.getDoc() == null ? "" : schema.getDoc();
    }

    /** Every field's doc (empty when it has none), in field order. */
    public static Map<String, String> fieldDocs(Schema schema) {
        Map<String, String> docs = new LinkedHashMap<>();
        for (Schema.Field field : schema.getFields()) {
            docs.put(field.name(), field.doc() == null ? "" : field.doc());
        }
        return docs;
    }

    /** Every field's column type ({@link ColumnTypes}), in field order: what the Parquet files written with the schema hold. */
    public static Map<String, String> fieldTypes(Schema schema) {
        Map<String, String> types = new LinkedHashMap<>();
        for (Schema.Field field : schema.getFields()) {
            types.put(field.name(), columnType(field.schema(), schema.getName() + "." + field.name()));
        }
        return types;
    }

    /** A field's column type; a nullable field ({@code ["null", T]}) has T's. */
    private static String columnType(Schema type, String where) {
        if (type.getType() == Schema.Type.UNION) {
            List<Schema> values = type.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).toList();
            if (values.size() != 1) {
                throw new IllegalStateException("field " + where + " is a union of " + values.size() + " types: a column has one");
            }
            return columnType(values.get(0), where);
        }
        LogicalType logical = type.getLogicalType();
        if (logical instanceof LogicalTypes.Date) {
            return ColumnTypes.DATE;
        }
        if (logical instanceof LogicalTypes.TimestampMillis) {
            return ColumnTypes.TIMESTAMP;
        }
        if (logical instanceof LogicalTypes.Decimal decimal) {
            return ColumnTypes.decimal(decimal.getPrecision(), decimal.getScale());
        }
        return switch (type.getType()) {
            case STRING -> ColumnTypes.STRING;
            case INT -> ColumnTypes.INT;
            case LONG -> ColumnTypes.BIGINT;
            case DOUBLE -> ColumnTypes.DOUBLE;
            case BOOLEAN -> ColumnTypes.BOOLEAN;
            default -> throw new IllegalStateException("field " + where + " has Avro type " + type + ", which has no column type yet");
        };
    }
}
