package org.unionstats.validation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/** Builds warehouse Avro records from typed values, applying the schema's logical types. */
public final class RecordBuilder {

    private static final Conversions.DecimalConversion DECIMALS = new Conversions.DecimalConversion();

    private RecordBuilder() {}

    public static GenericRecord build(Schema schema, Map<String, Object> values) {
        GenericData.Record record = new GenericData.Record(schema);
        for (Schema.Field field : schema.getFields()) {
            Object value = values.get(field.name());
            record.put(field.pos(), value == null ? null : toAvro(nonNull(field.schema()), value));
        }
        return record;
    }

    private static Object toAvro(Schema schema, Object value) {
        if (schema.getLogicalType() instanceof LogicalTypes.Decimal decimal) {
            BigDecimal scaled = ((BigDecimal) value).setScale(decimal.getScale(), RoundingMode.HALF_UP);
            // Fixed-length decimals: the Parquet form every engine reads (Spark's vectorized
            // reader fails on dictionary-encoded BINARY decimals of precision 18 or less).
            return schema.getType() == Schema.Type.FIXED
                    ? DECIMALS.toFixed(scaled, schema, decimal)
                    : DECIMALS.toBytes(scaled, schema, decimal);
        }
        if (schema.getLogicalType() instanceof LogicalTypes.Date) {
            return (int) ((LocalDate) value).toEpochDay();
        }
        if (schema.getType() == Schema.Type.LONG && value instanceof Integer i) {
            return i.longValue();
        }
        if (schema.getType() == Schema.Type.INT && value instanceof Long l) {
            return Math.toIntExact(l);
        }
        return value;
    }

    private static Schema nonNull(Schema schema) {
        if (schema.getType() != Schema.Type.UNION) {
            return schema;
        }
        return schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().orElseThrow();
    }
}
