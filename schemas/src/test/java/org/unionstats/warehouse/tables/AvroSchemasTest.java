package org.unionstats.warehouse.tables;
import org.unionstats.schemas.SchemaResources;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class AvroSchemasTest {

    /** Every .avsc file of schemas/avro/. */
    private static final List<String> TABLES = List.of("balances", "competition_entries", "competitions", "feedback", "hardship_cases", "indicator_reports",
            "ingest_receipts", "member_events", "opinions", "org_units", "pipeline_runs", "quarantine", "targets");

    @Test
    void everySchemaParsesWithItsDocsAsWritten() throws Exception {
        for (String table : TABLES) {
            Schema schema = AvroSchemas.schema(table);
            JsonNode written = new ObjectMapper().readTree(SchemaResources.text("avro/" + table + ".avsc"));
            assertThat(schema.getType()).as(table).isEqualTo(Schema.Type.RECORD);
            assertThat(AvroSchemas.recordDoc(schema)).as(table).isEqualTo(written.path("doc").asText("")).isNotBlank();
            Map<String, String> docs = new LinkedHashMap<>();
            written.path("fields").forEach(f -> docs.put(f.path("name").asText(), f.path("doc").asText("")));
            assertThat(AvroSchemas.fieldDocs(schema)).as(table).containsExactlyEntriesOf(docs);
        }
    }

    @Test
    void extensionsArePartOfTheParsedSchema() {
        Schema memberEvents = AvroSchemas.schema("member_events");
        assertThat(memberEvents.getObjectProp("x-natural-key")).isInstanceOf(List.class);
        assertThat(memberEvents.getField("member_key").getObjectProp("x-source")).isInstanceOf(Map.class);
    }

    @Test
    void receiptsWrittenBeforeReceivedAtExistedReadItAsNull() {
        Schema receipts = AvroSchemas.schema("ingest_receipts");
        Schema.Field receivedAt = receipts.getField("received_at");
        assertThat(receivedAt.schema().getType()).isEqualTo(Schema.Type.UNION);
        assertThat(receivedAt.schema().getTypes().get(0).getType()).isEqualTo(Schema.Type.NULL);
        assertThat(receivedAt.schema().getTypes().get(1).getLogicalType()).isEqualTo(org.apache.avro.LogicalTypes.timestampMillis());
        assertThat(receivedAt.hasDefaultValue()).isTrue();
        assertThat(receivedAt.defaultVal()).isEqualTo(org.apache.avro.JsonProperties.NULL_VALUE);
    }

    @Test
    void fieldTypesAreWhatTheParquetFilesWrittenWithTheSchemaHold() {
        Map<String, String> receipts = AvroSchemas.fieldTypes(AvroSchemas.schema("ingest_receipts"));
        assertThat(receipts.keySet()).containsExactlyElementsOf(AvroSchemas.fieldDocs(AvroSchemas.schema("ingest_receipts")).keySet());
        // file_modified_at: timestamp-millis; received_at: ["null", timestamp-millis]; rows_read: long; submitter: ["null", string].
        assertThat(receipts).containsEntry("file_modified_at", "timestamp").containsEntry("received_at", "timestamp")
                .containsEntry("rows_read", "bigint").containsEntry("submitter", "string");
        // value: fixed decimal(20,2); source_row: int.
        assertThat(AvroSchemas.fieldTypes(AvroSchemas.schema("indicator_reports"))).containsEntry("value", "decimal(20,2)")
                .containsEntry("source_row", "int");
        // published: ["null", boolean]; as_of: date.
        assertThat(AvroSchemas.fieldTypes(AvroSchemas.schema("pipeline_runs"))).containsEntry("published", "boolean");
        assertThat(AvroSchemas.fieldTypes(AvroSchemas.schema("balances"))).containsEntry("as_of", "date");
    }

    @Test
    void eachCallersSchemaIsItsOwn() {
        assertThat(AvroSchemas.schema("quarantine")).isEqualTo(AvroSchemas.schema("quarantine")).isNotSameAs(AvroSchemas.schema("quarantine"));
    }

    @Test
    void anUnknownTableNamesTheMissingResource() {
        assertThatThrownBy(() -> AvroSchemas.schema("no_such_table")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unionstats/schemas/avro/no_such_table.avsc");
    }
}
