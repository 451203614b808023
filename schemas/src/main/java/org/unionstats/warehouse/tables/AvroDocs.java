package org.unionstats.warehouse.tables;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** The bilingual docs of an Avro schema (schemas/avro/&lt;name&gt;.avsc): the record's and every field's. */
record AvroDocs(String recordDoc, Map<String, String> fieldDocs) {

    static AvroDocs of(String name) {
        JsonNode schema = Resources.json("avro/" + name + ".avsc");
        Map<String, String> fields = new LinkedHashMap<>();
        for (JsonNode field : schema.path("fields")) {
            fields.put(field.path("name").asText(), field.path("doc").asText(""));
        }
        return new AvroDocs(schema.path("doc").asText(""), fields);
    }
}
