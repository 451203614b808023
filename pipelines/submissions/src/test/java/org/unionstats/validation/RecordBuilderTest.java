package org.unionstats.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.AvroTypeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;
import org.unionstats.contract.ContractCatalog;
import org.unionstats.contract.RecordType;

class RecordBuilderTest {

    private static final ContractCatalog CATALOG = ContractCatalog.load();
    private static final Schema HARDSHIP = CATALOG.schema(RecordType.HARDSHIP_CASES);
    private static final Schema INDICATORS = CATALOG.schema(RecordType.INDICATOR_REPORTS);

    /** Reads a decimal field back from its fixed-length two's-complement bytes, with the schema's scale of 2. */
    static BigDecimal decimal(GenericRecord record, String field) {
        byte[] bytes = ((org.apache.avro.generic.GenericFixed) record.get(field)).bytes();
        return new BigDecimal(new BigInteger(bytes), 2);
    }

    private static Map<String, Object> meta() {
        Map<String, Object> v = new HashMap<>();
        v.put("submitter", "130306");
        v.put("submission_id", "0123456789abcdef");
        v.put("source_file", "130306/2024Q3/x.csv");
        v.put("source_row", 2);
        v.put("qualifier", "exact");
        return v;
    }

    private static Map<String, Object> hardship() {
        Map<String, Object> v = meta();
        v.put("case_id", "KH-1");
        v.put("org_code", "130306-0001");
        v.put("filed_on", LocalDate.of(2024, 7, 1));
        v.put("status", "on_file");
        return v;
    }

    @Test
    void datesBecomeDaysSinceTheEpoch() {
        Map<String, Object> v = hardship();
        v.put("lifted_out_on", LocalDate.of(2024, 8, 20));
        GenericRecord r = RecordBuilder.build(HARDSHIP, v);
        assertThat(r.get("filed_on")).isEqualTo(19905);
        assertThat(r.get("lifted_out_on")).isEqualTo(19955);
        Map<String, Object> epoch = hardship();
        epoch.put("filed_on", LocalDate.of(1970, 1, 1));
        assertThat(RecordBuilder.build(HARDSHIP, epoch).get("filed_on")).isEqualTo(0);
    }

    @Test
    void decimalsBecomeFixedBytesAtTheSchemasScale() {
        Map<String, Object> v = hardship();
        v.put("assistance_cny", new BigDecimal("12000.5"));
        GenericRecord r = RecordBuilder.build(HARDSHIP, v);
        assertThat(r.get("assistance_cny")).isInstanceOf(org.apache.avro.generic.GenericFixed.class);
        // 12000.50 at scale 2 is the unscaled integer 1200050 = 0x124FB2, sign-extended to 8 bytes
        byte[] raw = ((org.apache.avro.generic.GenericFixed) r.get("assistance_cny")).bytes();
        assertThat(raw).containsExactly(0, 0, 0, 0, 0, 0x12, 0x4F, 0xB2);
        assertThat(decimal(r, "assistance_cny")).isEqualTo(new BigDecimal("12000.50"));
    }

    @Test
    void decimalsAreRoundedHalfUp() {
        Map<String, Object> v = hardship();
        v.put("assistance_cny", new BigDecimal("0.005"));
        assertThat(decimal(RecordBuilder.build(HARDSHIP, v), "assistance_cny")).isEqualTo(new BigDecimal("0.01"));
        v.put("assistance_cny", new BigDecimal("12.344"));
        assertThat(decimal(RecordBuilder.build(HARDSHIP, v), "assistance_cny")).isEqualTo(new BigDecimal("12.34"));
        v.put("assistance_cny", new BigDecimal("1.7E+4"));
        assertThat(decimal(RecordBuilder.build(HARDSHIP, v), "assistance_cny")).isEqualTo(new BigDecimal("17000.00"));
    }

    @Test
    void nonNullableDecimal() {
        Map<String, Object> v = meta();
        v.put("org_code", "130306");
        v.put("indicator_id", "student_aid_cny");
        v.put("value", new BigDecimal("15000"));
        v.put("unit", "CNY");
        GenericRecord r = RecordBuilder.build(INDICATORS, v);
        assertThat(decimal(r, "value")).isEqualTo(new BigDecimal("15000.00"));
        assertThat(GenericData.get().validate(INDICATORS, r)).isTrue();
    }

    @Test
    void missingOptionalFieldsAreNull() {
        GenericRecord r = RecordBuilder.build(HARDSHIP, hardship());
        assertThat(r.get("cause")).isNull();
        assertThat(r.get("household_size")).isNull();
        assertThat(r.get("lifted_out_on")).isNull();
        assertThat(r.get("assistance_cny")).isNull();
        assertThat(r.get("head_id_key")).isNull();
        assertThat(r.get("extras")).isNull();
        assertThat(r.get("case_id")).isEqualTo("KH-1");
        assertThat(GenericData.get().validate(HARDSHIP, r)).isTrue();
    }

    @Test
    void missingRequiredFieldLeavesAnInvalidRecord() {
        Map<String, Object> v = hardship();
        v.remove("status");
        GenericRecord r = RecordBuilder.build(HARDSHIP, v);
        assertThat(r.get("status")).isNull();
        assertThat(GenericData.get().validate(HARDSHIP, r)).isFalse();
    }

    @Test
    void wholeNumbersAreWidenedOrNarrowedToTheFieldType() {
        Map<String, Object> v = hardship();
        v.put("household_size", 4L); // schema int
        assertThat(RecordBuilder.build(HARDSHIP, v).get("household_size")).isEqualTo(4);

        Map<String, Object> e = meta();
        e.put("competition_id", "JS2024-001");
        e.put("org_code", "130306-0001");
        e.put("enterprise_credit_code", "91350100M000100Y43");
        e.put("entrants", 3); // schema long
        e.put("award", "none");
        GenericRecord entry = RecordBuilder.build(CATALOG.schema(RecordType.COMPETITION_ENTRIES), e);
        assertThat(entry.get("entrants")).isEqualTo(3L);
        assertThat(entry.get("worker_key")).isNull();
        assertThat(GenericData.get().validate(entry.getSchema(), entry)).isTrue();
    }

    @Test
    void intTooLargeForAnIntFieldFails() {
        Map<String, Object> v = hardship();
        v.put("household_size", 3_000_000_000L);
        assertThatThrownBy(() -> RecordBuilder.build(HARDSHIP, v)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void valuesWithoutAFieldAreIgnored() {
        Map<String, Object> v = hardship();
        v.put("not_a_field", "x");
        GenericRecord r = RecordBuilder.build(HARDSHIP, v);
        assertThat(r.getSchema().getField("not_a_field")).isNull();
        assertThat(GenericData.get().validate(HARDSHIP, r)).isTrue();
    }

    @Test
    void memberEventRecordWithIntegerBirthYear() {
        Map<String, Object> v = meta();
        v.put("member_key", "464194a4ca6c0a6d7c556831b8eea991");
        v.put("org_code", "130306-0001");
        v.put("event_type", "join");
        v.put("event_date", LocalDate.of(2024, 7, 5));
        v.put("birth_year", 1990);
        GenericRecord r = RecordBuilder.build(CATALOG.schema(RecordType.MEMBER_EVENTS), v);
        assertThat(r.get("event_date")).isEqualTo(19909);
        assertThat(r.get("birth_year")).isEqualTo(1990);
        assertThat(r.get("gender")).isNull();
        assertThat(GenericData.get().validate(r.getSchema(), r)).isTrue();
    }

    @Test
    void builtRecordsRoundTripThroughAvroBinary() throws Exception {
        Map<String, Object> v = hardship();
        v.put("assistance_cny", new BigDecimal("350.5"));
        v.put("household_size", 2L);
        GenericRecord r = RecordBuilder.build(HARDSHIP, v);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(HARDSHIP).write(r, encoder);
        encoder.flush();
        GenericRecord back = new GenericDatumReader<GenericRecord>(HARDSHIP)
                .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        assertThat(back.get("filed_on")).isEqualTo(19905);
        assertThat(back.get("household_size")).isEqualTo(2);
        assertThat(decimal(back, "assistance_cny")).isEqualTo(new BigDecimal("350.50"));
        assertThat(back.get("case_id").toString()).isEqualTo("KH-1");
    }

    @Test
    void decimalBeyondTheSchemasPrecisionCannotBeEncoded() {
        Map<String, Object> v = hardship();
        v.put("assistance_cny", new BigDecimal("12345678901234567")); // 17 integer digits; decimal(18,2) holds 16
        assertThatThrownBy(() -> RecordBuilder.build(HARDSHIP, v)).isInstanceOf(AvroTypeException.class);
    }
}
