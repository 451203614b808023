package org.unionstats.warehouse.tables;
import org.unionstats.schemas.SchemaResources;


import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * The warehouse tables' Avro schemas ({@code schemas/avro/<table>.avsc}), the one reader of those
 * files: the parsed schema, its bilingual docs (which the published tables' comments come from), and
 * the file as written, for readers of its extensions (the contract's {@code x-source}).
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
}
